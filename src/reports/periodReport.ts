// The period report model (SPEC §6.5): for a month, quarter, half or year as of a date, optionally one
// branch — headline figures, per-member statistics, per-session sign-ins, the personal records, the
// audit's verdicts, and who joined or left. One model; the terminal, JSON, .xlsx, .docx and .md
// renderers only read it.
import { memberAsOf } from '../domain/memberAsOf.js';
import type { AttendanceStatus } from '../domain/attendanceStatus.js';
import type { SessionMarks } from '../domain/attendanceStats.js';
import { STATUS_CODES } from '../domain/engine/columns.js';
import type { EvidenceKindId } from '../domain/evidenceKinds.js';
import { maskIdCard, maskPhone } from '../domain/idcard.js';
import { onRollDuring, type Member } from '../domain/member.js';
import { addDaysIso, type Period } from '../domain/periods.js';
import type { RuleSet } from '../domain/ruleSet.js';
import type { WorkCalendar } from '../domain/workdays.js';
import { listBranches } from '../store/branches.js';
import type { Db } from '../store/db.js';
import { listItemValues, type ListedItem } from '../store/evidence.js';
import { formerMembers, listMembers } from '../store/members.js';
import { anyRollDuring, leaderTerms, memberOnDay, rollTerms, rollTermsById } from '../domain/memberTerms.js';
import { listSessions } from '../store/sessions.js';
import { readSettings } from '../store/settings.js';
import { buildAudit, startAuditReading } from './audit.js';
import { buildBranchComparison } from './branchComparison.js';
import { periodFigures, studyTotals } from './periodFigures.js';
import type { ItemRow, PeriodReport, ReportItems, RosterRow } from './periodReportTypes.js';
import { addSessionRequirements, reportAudit } from './reportAudit.js';
import { periodLabel, type ReportKind } from './reportNames.js';
import { readingParts } from './reportReading.js';

/** What to report on; the CLI has checked every value (the period has begun by the as-of date). */
export interface PeriodReportInput {
  ruleSet: RuleSet;
  calendar: WorkCalendar;
  asOf: string;
  period: Period & { kind: ReportKind };
  branchId?: number;
  /** Show ID and phone numbers in full (the --reveal flag); masked otherwise. */
  reveal?: boolean;
  /** At organ scale, a second thread reads the audit's sign-ins and lectures while this one reads the
   * roster and the listed records (store/evidenceParallel.ts; ≈ 30 MiB more at the peak). */
  parallel?: boolean;
}

/** Builds the report model from the database. */
export function buildPeriodReport(db: Db, input: PeriodReportInput): PeriodReport {
  const { period, asOf, branchId } = input;
  const dayAfter = addDaysIso(asOf, 1);
  const countedEnd = period.end < dayAfter ? period.end : dayAfter;
  const range = { from: period.start, to: countedEnd };
  const secondThread = input.parallel ? startAuditReading(db, { ruleSet: input.ruleSet, scope: period, branchId, citeSelfStudy: false }) : undefined;
  const organ = readSettings(db).organ ?? '';
  const allBranches = listBranches(db);
  const branches = allBranches.filter((b) => branchId === undefined || b.id === branchId).map((b) => b.name);
  const roster = listMembers(db);
  // One branch's papers also list those who have since moved to another branch, for their spell here
  // (store formerMembers: on this roll until the move, a paper roster's 转出).
  const former = branchId === undefined ? [] : branches.flatMap((b) => formerMembers(db, b));
  // The whole organ's papers list them once, expected at each branch's sessions during their spell on its roll.
  const idOf = new Map(allBranches.map((b) => [b.name, b.id]));
  const members = [...roster.filter((m) => branchId === undefined || m.branchId === branchId), ...former]
    .map((m) => {
      // (With their posts as well: a committee session of the old branch expected them.)
      const rollTerms = branchId === undefined && m.history ? rollTermsById(m, (b) => idOf.get(b)) : undefined;
      return rollTerms ? { ...m, rollTerms, leaderIntervals: leaderTerms(m) } : m;
    })
    .filter((m) => ('rollTerms' in m ? anyRollDuring(m, period.start, countedEnd) : onRollDuring(m, period.start, countedEnd)));
  const sessions = listSessions(db, { branchId, ...range });
  // Read before the audit: while a second thread, if any, is still reading the audit's columns.
  // One branch's records are those of the days on its roll: someone moved on a day brings the records of
  // their spell here (read across branches, then each record placed by the spell its day falls in).
  const branchName = branches.length === 1 && branchId !== undefined ? branches[0] : undefined;
  const across = branchId !== undefined && roster.some((m) => m.history?.some((t) => t.kind === 'roll' && t.branch !== m.branch && (m.branchId === branchId || t.branch === branchName)));
  const byId = across ? new Map(roster.map((m) => [m.id, m])) : undefined;
  const ownBranch = (memberId: number, day: string) => {
    const m = byId!.get(memberId);
    return !!m && memberOnDay(m, day, (b) => idOf.get(b)).branchId === branchId;
  };
  const items = listItemValues(db, { branchId: across ? undefined : branchId, from: period.start, toExclusive: countedEnd, kinds: LISTED_KINDS })
    .filter((it) => it.date !== null && it.date >= period.start && it.date < countedEnd && (!across || ownBranch(it.memberId, it.date)));
  // The report shows figures, never evidence ids: self-study's 1.7 million (an organ's year) are not listed.
  const audit = buildAudit(db, { ruleSet: input.ruleSet, calendar: input.calendar, asOf, scope: period, branchId, citeSelfStudy: false, keepMet: false, roster, parallel: secondThread });
  // Sign-ins and self-study (an organ's year is ~1.8 million rows) come from what the audit already
  // read — its span holds the period; the kinds the workbook lists come item by item.
  // Straight into session → member → status: no object per sign-in (an organ's year has a quarter million).
  const attendance: SessionMarks = new Map(sessions.map((s) => [s.id, new Map<number, AttendanceStatus>()]));
  for (const [memberId, c] of audit.sources.attendance) {
    for (let i = 0; i < c.sessions.length; i++) attendance.get(c.sessions[i]!)?.set(memberId, STATUS_CODES[c.status[i]!]!);
  }
  const study = studyTotals(audit.sources.study, period.start, countedEnd);

  const order = new Map(members.map((m, i) => [m.id, i]));
  const { audit: shownAudit, gapsByMember } = reportAudit(audit, order);
  // The report's roster is the roster as it stood on its last counted day.
  const rollDay = addDaysIso(countedEnd, -1);
  const figures = periodFigures({
    rollDay, members, sessions, attendance, items, study,
    excusedCountsAsAttended: input.ruleSet.settings.excusedCountsAsAttended, gapsByMember,
  });
  addSessionRequirements(figures.headline.sessionsByType, audit, period);

  const inPeriod = (d: string | undefined) => !!d && d >= period.start && d < countedEnd;
  const reading = readingParts(db, { from: period.start, to: countedEnd, planTo: period.end, asOf, branchId });
  // A report over several branches compares them (SPEC §6.7), from what the audit already judged.
  const byBranch = branchId === undefined && branches.length > 1 ? buildBranchComparison(audit, reading.plan) : undefined;
  return {
    organ,
    excusedCountsAsAttended: input.ruleSet.settings.excusedCountsAsAttended === true,
    branch: branches.length === 1 ? branches[0]! : `${organ || '本机关'}（${branches.length} 个支部）`,
    branches,
    period: {
      id: period.id, kind: period.kind, start: period.start, end: period.end, countedEnd, ended: period.end <= asOf,
      label: periodLabel(period), year: Number(period.id.slice(0, 4)),
    },
    asOf,
    revealed: !!input.reveal,
    ...figures,
    // The roster as it stood on the last day: someone since moved is shown in the branch they were in then.
    roster: members.map((m) => rosterRow(branchId === undefined ? memberOnDay(m, rollDay, (b) => idOf.get(b)) : m, rollDay, !!input.reveal)),
    items: itemRows(items),
    audit: shownAudit,
    moves: {
      // Across the whole organ a move from one branch to another is neither: only the days a spell on
      // some roll began without another ending (came in) or ended without another beginning (went out).
      joined: members.flatMap((m) => spellsOf(m, branchId === undefined ? undefined : m.branch).filter((t, i, all) => inPeriod(t.from) && !all.some((u, j) => j !== i && u.to === t.from)).map((t) => ({ name: m.name, date: t.from! }))),
      left: members.flatMap((m) => spellsOf(m, branchId === undefined ? undefined : m.branch).filter((t, i, all) => inPeriod(t.to) && !all.some((u, j) => j !== i && u.from === t.to)).map((t) => ({ name: m.name, date: t.to! }))),
    },
    ...reading,
    ...(byBranch ? { byBranch } : {}),
  };
}

/** A roster row as the roster stood on `day` (committee, post and on-roll dates by then), with ID and
 * phone masked unless revealed (so no renderer can leak them). */
function rosterRow(m: Member, day: string, reveal: boolean): RosterRow {
  const then = memberAsOf(m, day);
  const r: RosterRow = { memberId: m.id, name: m.name, branch: then.branch, leader: then.leader };
  const copy = ['gender', 'birthDate', 'ethnicity', 'education', 'category', 'joinPartyDate', 'jobTitle'] as const;
  for (const k of copy) if (m[k]) r[k] = m[k];
  for (const k of ['partyPost', 'onRollFrom', 'onRollLeft'] as const) if (then[k]) r[k] = then[k];
  if (m.phone) r.phone = reveal ? m.phone : maskPhone(m.phone);
  if (m.idCard) r.idCard = reveal ? m.idCard : maskIdCard(m.idCard);
  return r;
}

/** The kinds the report reads item by item (self-study comes as totals; lectures and exchanges only count in the audit). */
const LISTED_KINDS: EvidenceKindId[] = ['book', 'writing', 'research', 'talk', 'training', 'exam'];

const KIND_LIST: Record<string, keyof ReportItems> = { book: 'books', writing: 'writings', research: 'research', talk: 'talks', training: 'trainings', exam: 'exams' };

/** The personal records the workbook lists, by kind, in date order. */
function itemRows(items: ListedItem[]): ReportItems {
  const out: ReportItems = { books: [], writings: [], research: [], talks: [], trainings: [], exams: [] };
  for (const it of items) {
    const list = KIND_LIST[it.kind];
    if (list) out[list].push({ memberId: it.memberId, name: it.member, date: it.date!, values: it.values } satisfies ItemRow);
  }
  for (const list of Object.values(out)) list.sort((a: ItemRow, b: ItemRow) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** A member's spells on the rolls the report covers: across the organ all of them, for one branch those on
 * its roll (left and came back: both). */
function spellsOf(m: Member & { rollTerms?: readonly { from?: string; to?: string }[] }, branch?: string): readonly { from?: string; to?: string }[] {
  if (branch === undefined && m.rollTerms) return m.rollTerms;
  return rollTerms(m).filter((t) => branch === undefined || t.branch === branch);
}
