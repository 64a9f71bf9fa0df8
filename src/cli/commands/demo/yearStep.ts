// The demo's year of records: sessions with sign-ins and each member's own study, written in one batch
// through the same store functions `session`, `checkin` and `log` use.
import type { DemoState } from './index.js';

/** Generates the demo year up to today (or the year's end) and writes it. */
export async function writeDemoYear(s: DemoState): Promise<void> {
  const { demoYear } = await import('../../../domain/demoYear.js');
  const { createWorkCalendar } = await import('../../../io/officialCalendar.js');
  const { listMembers } = await import('../../../store/members.js');
  const { inBatch } = await import('../../../store/batches.js');
  const { addSession } = await import('../../../store/sessions.js');
  const { recordAttendance } = await import('../../../store/attendance.js');
  const { writeEvidence } = await import('../../../store/evidenceWrite.js');
  const db = await s.demoCtx.openDb();
  const members = listMembers(db);
  const branchId = members[0]!.branchId;
  const asOf = s.ctx.today();
  const year = demoYear(
    members.map((m) => ({ id: m.id, name: m.name, post: m.partyPost, onRollFrom: m.onRollFrom, onRollLeft: m.onRollLeft })),
    s.data.year,
    asOf,
    createWorkCalendar(),
  );
  const written = inBatch(db, { command: 'demo', args: '一年的学习记录', at: s.ctx.nowStamp() }, (batchId, counts) => {
    for (const x of year.sessions) {
      const id = addSession(db, { branchId, type: x.type, date: x.date, topic: x.topic, hours: x.hours, place: x.place, speaker: x.speaker }, batchId);
      counts.added++;
      recordAttendance(db, id, x.attendance, batchId, counts);
    }
    return writeEvidence(db, year.items, batchId, counts);
  });
  const n = (k: string) => year.items.filter((i) => i.kind === k).length;
  s.headline.push(
    `学习记录截至 ${asOf < `${s.data.year + 1}-01-01` ? asOf : `${s.data.year}-12-31`}：组织学习活动 ${year.sessions.length} 次，自学 ${n('self-study')} 天次，` +
      `读书 ${n('book')} 本次，心得文章 ${n('writing')} 篇，调研 ${n('research')} 次。`,
  );
  s.json.records = { sessions: year.sessions.length, ...Object.fromEntries(Object.entries(written.kinds).map(([k, v]) => [k, v?.added ?? 0])) };
}
