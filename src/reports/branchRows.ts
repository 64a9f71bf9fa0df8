// The arithmetic of one row of the branch comparison (branchComparison.ts): a blank row, its derived figures
// (rates, per head, unmet duties), and the organ's row made of the branches' rows.
import { SESSION_TYPE_IDS } from '../domain/sessionTypes.js';
import type { BranchFigures } from './branchComparison.js';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** A row with nothing counted yet. */
export function blank(id: number | null, name: string): BranchFigures {
  return {
    branchId: id, branch: name, members: 0, membersInPeriod: 0, sessionsHeld: 0, sessionsByType: {}, duties: [], dutiesUnmet: 0, dutiesOpen: 0,
    attendance: { expected: 0, attended: 0, rate: null }, rules: [], peopleWithGaps: 0, shareAllMet: null, peopleWithPersistGaps: 0, sharePersistsMet: null, shareDutiesMet: null,
    books: 0, booksPerHead: 0, studyHours: 0, studyHoursPerHead: 0, plan: { planned: 0, held: 0, gap: 0, open: 0 },
  };
}

/** Fills the derived figures (rates, per head, unmet duties). */
export function finish(r: BranchFigures): void {
  r.attendance.rate = ratio(r.attendance.attended, r.attendance.expected);
  r.studyHours = round(r.studyHours, 2);
  r.studyHoursPerHead = r.membersInPeriod ? round(r.studyHours / r.membersInPeriod) : 0;
  r.booksPerHead = r.membersInPeriod ? round(r.books / r.membersInPeriod, 2) : 0;
  r.shareAllMet = ratio(r.membersInPeriod - r.peopleWithGaps, r.membersInPeriod);
  r.sharePersistsMet = ratio(r.membersInPeriod - r.peopleWithPersistGaps, r.membersInPeriod);
  r.dutiesUnmet = r.duties.reduce((n, d) => n + d.gap, 0);
  r.dutiesOpen = r.duties.reduce((n, d) => n + d.open, 0);
  const met = r.duties.reduce((n, d) => n + d.met, 0);
  r.shareDutiesMet = ratio(met, met + r.dutiesUnmet);
  for (const s of r.rules) s.share = ratio(s.applicable - s.gap, s.applicable);
}

/** The organ's row: the counts of records summed, the counts of people (`people`: each person once, a mover
 * too) the organ's own, rates over those. */
export function totals(rows: BranchFigures[], people: Pick<BranchFigures, 'membersInPeriod' | 'peopleWithGaps' | 'peopleWithPersistGaps' | 'rules'>): BranchFigures {
  const t = blank(null, '合计');
  for (const r of rows) {
    for (const k of ['members', 'sessionsHeld', 'books', 'studyHours'] as const) t[k] += r[k];
    for (const type of SESSION_TYPE_IDS) if (r.sessionsByType[type]) t.sessionsByType[type] = (t.sessionsByType[type] ?? 0) + r.sessionsByType[type]!;
    t.attendance.expected += r.attendance.expected;
    t.attendance.attended += r.attendance.attended;
    for (const k of ['planned', 'held', 'gap', 'open'] as const) t.plan[k] += r.plan[k];
    for (const d of r.duties) {
      const s = t.duties.find((x) => x.rule === d.rule) ?? (t.duties.push({ ...d, met: 0, gap: 0, open: 0, na: 0, actual: 0, required: 0 }), t.duties.at(-1)!);
      for (const k of ['met', 'gap', 'open', 'na', 'actual', 'required'] as const) s[k] += d[k];
    }
  }
  Object.assign(t, { membersInPeriod: people.membersInPeriod, peopleWithGaps: people.peopleWithGaps, peopleWithPersistGaps: people.peopleWithPersistGaps, rules: people.rules });
  finish(t);
  return t;
}
