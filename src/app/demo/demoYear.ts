// The demo's year of records: sessions with sign-ins and each member's own study, written in one batch
// through the same store functions `session`, `checkin` and `log` use.
import { demoYear } from '../../domain/demoYear.js';
import { createWorkCalendar } from '../../io/officialCalendar.js';
import { recordAttendance } from '../../store/attendance.js';
import { inBatch } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { writeEvidence } from '../../store/evidenceWrite.js';
import { listMembers } from '../../store/members.js';
import { addSession } from '../../store/sessions.js';

/** What was written: sessions held, and items added per kind of evidence. */
export interface DemoYearResult {
  sessions: number;
  /** Items generated per kind (self-study, book, writing, research …). */
  items: Record<string, number>;
  /** Items added per kind, as the batch counted them. */
  added: Record<string, number>;
}

/** Generates the demo year `year` up to `asOf` (or the year's end) and writes it. */
export function writeDemoYear(db: Db, input: { year: number; asOf: string }, now: string): DemoYearResult {
  const members = listMembers(db);
  const branchId = members[0]!.branchId;
  const year = demoYear(
    members.map((m) => ({ id: m.id, name: m.name, post: m.partyPost, onRollFrom: m.onRollFrom, onRollLeft: m.onRollLeft })),
    input.year,
    input.asOf,
    createWorkCalendar(),
  );
  const written = inBatch(db, { command: 'demo', args: '一年的学习记录', at: now }, (batchId, counts) => {
    for (const x of year.sessions) {
      const id = addSession(db, { branchId, type: x.type, date: x.date, topic: x.topic, hours: x.hours, place: x.place, speaker: x.speaker }, batchId);
      counts.added++;
      recordAttendance(db, id, x.attendance, batchId, counts);
    }
    return writeEvidence(db, year.items, batchId, counts);
  });
  const items: Record<string, number> = {};
  for (const i of year.items) items[i.kind] = (items[i.kind] ?? 0) + 1;
  return { sessions: year.sessions.length, items, added: Object.fromEntries(Object.entries(written.kinds).map(([k, v]) => [k, v?.added ?? 0])) };
}
