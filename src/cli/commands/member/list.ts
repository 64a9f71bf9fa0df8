// `shuxiang member list`: the roll on a day (or everyone with --all), masked unless --reveal.
import { leaderOn, type Member } from '../../../domain/member.js';
import { leaderAsOf, memberToJson, rollStatusCell } from '../../../domain/memberView.js';
import { maskPhone } from '../../../domain/idcard.js';
import { listRoll } from '../../../app/members/listRoll.js';
import type { AppContext } from '../../context.js';
import { printListing, type Column } from '../../output.js';
import { requireBranch } from '../../args/branch.js';

export interface MemberListOptions {
  branch?: string;
  leaders?: boolean;
  all?: boolean;
  reveal?: boolean;
}

export async function runMemberList(ctx: AppContext, opts: MemberListOptions): Promise<void> {
  const db = await ctx.openDb({ readonly: true });
  const today = ctx.today();
  if (opts.branch) requireBranch(db, opts.branch);
  const rows = listRoll(db, opts, today);
  const reveal = !!opts.reveal;
  const columns: Column<Member>[] = [
    { header: '编号', value: (m) => m.id, align: 'right' },
    { header: '姓名', value: (m) => m.name },
    { header: '性别', value: (m) => m.gender },
    { header: '支部', value: (m) => m.branch },
    { header: '类别', value: (m) => m.category },
    { header: '党内职务', value: (m) => m.partyPost },
    { header: '班子成员', value: (m) => (leaderAsOf(m, today) ? '是' : '') },
    { header: '联系电话', value: (m) => (m.phone ? (reveal ? m.phone : maskPhone(m.phone)) : '') },
    { header: '在册', value: (m) => rollStatusCell(m, today) },
  ];
  printListing(ctx, rows.map((m) => memberToJson(m, reveal)), columns, rows, listFooter(rows, today, opts));
}

function listFooter(rows: Member[], today: string, opts: MemberListOptions): string {
  if (rows.length === 0) {
    return opts.all ? '没有符合条件的人员。' : '今天没有符合条件的在册人员（加 --all 可包括已转出的人员）。';
  }
  const leaders = rows.filter((m) => leaderOn(m, today)).length;
  const onRoll = rows.filter((m) => rollStatusCell(m, today) === '在册').length;
  const split = opts.all && onRoll !== rows.length ? `（今天在册 ${onRoll} 人，其余已转出或尚未转入）` : '';
  const hidden = opts.reveal || !rows.some((m) => m.phone) ? '' : '；手机号已打码，加 --reveal 显示完整号码';
  return `共 ${rows.length} 人${split}，其中班子成员 ${leaders} 人${hidden}`;
}
