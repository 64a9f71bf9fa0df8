// `log list`: the evidence items per member, per kind, per period, each with its id (<kind>:<id>).
import { evidenceItems } from '../../../app/evidence/listEvidence.js';
import { findKind } from '../../../domain/evidenceKinds.js';
import { describeValues } from '../../../domain/evidenceView.js';
import { parsePeriodId } from '../../../domain/periods.js';
import { UserError } from '../../../shared/errors.js';
import type { EvidenceItem } from '../../../store/evidence.js';
import { listMembers } from '../../../store/members.js';
import type { AppContext } from '../../context.js';
import { printListing, type Column } from '../../output.js';
import { kindFlag } from '../../args/evidenceFlags.js';
import { resolveMember } from '../../resolveMember.js';

const COLUMNS: Column<EvidenceItem>[] = [
  { header: '编号', value: (i) => i.ref },
  { header: '姓名', value: (i) => i.member },
  { header: '类别', value: (i) => findKind(i.kind)!.name },
  { header: '日期', value: (i) => i.date ?? '' },
  { header: '内容', value: (i) => describeValues(findKind(i.kind)!, i.values, [findKind(i.kind)!.dateKey]) },
];

/** `shuxiang log list [--member] [--kind] [--period]`. */
export async function runLogList(ctx: AppContext, opts: { member?: string; kind?: string; period?: string }): Promise<void> {
  const kind = opts.kind === undefined ? undefined : kindFlag(opts.kind);
  const period = opts.period === undefined ? undefined : parsePeriodId(opts.period);
  if (opts.period !== undefined && !period) {
    throw new UserError(`--period 的取值“${opts.period}”不是期间。`, ['请写成 2026（全年）、2026-H1（上半年）、2026-Q1（季度）、2026-03（月）或 2026-W10（周）。']);
  }
  const db = await ctx.openDb({ readonly: true });
  let memberId: number | undefined;
  if (opts.member !== undefined) {
    memberId = (await resolveMember(opts.member, listMembers(db), '--member')).id;
  }
  const { items, counts } = evidenceItems(db, { memberId, kinds: kind ? [kind.id] : undefined, from: period?.start, toExclusive: period?.end });
  const footer = items.length
    ? `共 ${items.length} 条（${[...counts].map(([k, n]) => `${k} ${n}`).join('，')}）；删除某条：shuxiang log remove 编号`
    : '没有符合条件的学习记录。';
  printListing(ctx, items, COLUMNS, items, footer);
}
