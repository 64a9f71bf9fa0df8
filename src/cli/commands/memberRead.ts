// The reading half of `shuxiang member`: list and show, and the lookups the writing half shares.
import { leaderOn, type Member } from '../../domain/member.js';
import {
  MEMBER_LABELS, leaderAsOf, leaderText, memberToJson, onRollText, rollStatusCell, shownExtras,
} from '../../domain/memberView.js';
import { maskIdCard, maskPhone } from '../../domain/idcard.js';
import { displayWidth, padDisplay } from '../../shared/width.js';
import { UserError } from '../../shared/errors.js';
import { findBranch, listBranches } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { listMembers } from '../../store/members.js';
import type { AppContext } from '../context.js';
import { printListing, type Column } from '../output.js';

export interface MemberListOptions {
  branch?: string;
  leaders?: boolean;
  all?: boolean;
  reveal?: boolean;
}

export interface MemberShowOptions {
  branch?: string;
  reveal?: boolean;
}

/** The branch named by a flag, or an error listing the branches there are. */
export function requireBranch(db: Db, name: string, flag = '--branch'): { id: number; name: string } {
  const b = findBranch(db, name.trim());
  if (b) return b;
  const names = listBranches(db).map((x) => x.name);
  throw new UserError(`${flag} 指定的支部“${name}”不存在。`, [
    names.length ? `已有的支部：${names.join('、')}` : '数据库中还没有支部，请先运行 shuxiang init 或导入花名册。',
    '请检查支部名称是否写错（需写全称）。',
  ]);
}

/** One member by what the user typed (name, initials or #id), among everyone in the branch given. */
export async function pickMember(db: Db, query: string, branch?: string): Promise<Member> {
  if (branch) requireBranch(db, branch);
  // Loaded here: `member list`, the common case, does not need it at start-up.
  const { resolveMember } = await import('../resolveMember.js');
  return resolveMember(query, listMembers(db, { branch: branch?.trim() }), '姓名');
}

export async function runMemberList(ctx: AppContext, opts: MemberListOptions): Promise<void> {
  const db = await ctx.openDb();
  const today = ctx.today();
  if (opts.branch) requireBranch(db, opts.branch);
  let rows = listMembers(db, { branch: opts.branch?.trim(), onRollOn: opts.all ? undefined : today });
  if (opts.leaders) rows = rows.filter((m) => (opts.all ? m.leader : leaderAsOf(m, today)));
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

export async function runMemberShow(ctx: AppContext, query: string, opts: MemberShowOptions): Promise<void> {
  const db = await ctx.openDb();
  const m = await pickMember(db, query, opts.branch);
  const reveal = !!opts.reveal;
  if (ctx.json) {
    ctx.outJson(memberToJson(m, reveal));
    return;
  }
  const today = ctx.today();
  ctx.out(formatMemberCard(m, today, reveal));
  for (const section of SHOW_SECTIONS) ctx.out(section(db, m, today));
  if (!reveal && (m.phone || m.idCard)) ctx.info('（手机号、身份证号已打码，加 --reveal 显示完整号码）');
}

/**
 * Further blocks of `member show`, printed after the card, in order. Later issues add the person's year
 * here (sessions attended, self-study, books, writings, …), each as one function returning its text.
 */
export const SHOW_SECTIONS: ((db: Db, m: Member, today: string) => string)[] = [];

/** All fields of one person as a two-column card: Chinese label, value. */
export function formatMemberCard(m: Member, today: string, reveal: boolean): string {
  const L = MEMBER_LABELS;
  const rows: [string, string | undefined][] = [
    [L.id, `#${m.id}`],
    [L.name, m.name],
    [L.gender, m.gender],
    [L.birthDate, m.birthDate],
    [L.ethnicity, m.ethnicity],
    [L.education, m.education],
    [L.joinPartyDate, m.joinPartyDate],
    [L.fullMemberDate, m.fullMemberDate],
    [L.category, m.category],
    [L.jobTitle, m.jobTitle],
    [L.partyPost, m.partyPost],
    [L.branch, m.branch],
    [L.phone, m.phone && (reveal ? m.phone : maskPhone(m.phone))],
    [L.idCard, m.idCard && (reveal ? m.idCard : maskIdCard(m.idCard))],
    ['在册情况', onRollText(m, today)],
    [L.leader, leaderText(m, today)],
  ];
  const extra = Object.entries(shownExtras(m.extra ?? {}, reveal));
  const width = Math.max(...[...rows, ...extra].map(([k]) => displayWidth(k)));
  const line = ([k, v]: [string, string | undefined]) => `${padDisplay(k, width)}  ${v || '—'}`;
  const out = rows.map(line);
  if (extra.length) out.push('', '其他信息（花名册中的其他列）：', ...extra.map(([k, v]) => `  ${line([k, v])}`));
  return out.join('\n');
}
