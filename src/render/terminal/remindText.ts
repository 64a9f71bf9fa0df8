// The reminders on a terminal: the messages to paste into the group, then (for the secretary) how many
// there are and the branch's own open duties.
import type { RemindReport } from '../../reports/remind.js';

/** One message per line, ready to paste (empty when nobody has anything open). */
export function remindMessages(r: RemindReport): string {
  return r.messages.map((m) => m.text).join('\n');
}

/** The count under the messages, or that everyone is done. */
export function remindFooter(r: RemindReport, asOf: string): string {
  return r.messages.length
    ? `\n共 ${r.messages.length} 人还有未完成的事项（截至 ${asOf}；已全部完成的人未列出）。`
    : `截至 ${asOf}，当前周期人人都已完成，无需提醒。`;
}

/** The branch duties still open, for the secretary (empty when there are none). */
export function remindBranchDuties(r: RemindReport): string {
  return r.branches.length ? `\n支部还需完成（供书记参考，不在上面的消息中）：\n${r.branches.map((b) => `  ${b.text}`).join('\n')}` : '';
}
