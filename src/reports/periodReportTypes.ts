// The shape of the period report (SPEC §6.5): plain data that every renderer reads — terminal, JSON,
// the ledger workbook, the Word and Markdown summaries. Built by buildPeriodReport (periodReport.ts).
import type { AttendanceCounts } from '../domain/attendanceStats.js';
import type { AttendanceStatus } from '../domain/attendanceStatus.js';
import type { ReportKind } from './reportNames.js';

/** The period reported on, cut at the as-of date. */
export interface ReportPeriod {
  id: string;
  kind: ReportKind;
  /** First day, inclusive. */
  start: string;
  /** Day after the last, exclusive. */
  end: string;
  /** Day after the last day counted: min(end, asOf + 1). */
  countedEnd: string;
  /** Whether the period had ended by the as-of date. */
  ended: boolean;
  /** 2026年第一季度 … */
  label: string;
  year: number;
}

/** Sign-in figures of a session, a member, or all: the one counts type (rate 0–1, null when nothing was expected). */
export type { AttendanceCounts };

/** Sessions of one type held in the period, against what the branch rules require. */
export interface SessionTypeCount {
  type: string;
  name: string;
  held: number;
  /** What the branch rules require of this type over periods lying inside the report period; null when no rule asks. */
  required: number | null;
  /** The requirement in words (also covers rules over a longer period, e.g. a yearly rule in a quarter report). */
  requiredText: string;
  /** The worst verdict of those rules in the report: 未达标, 进行中 (still short in an open period), 达标; null when no rule asks. */
  status: 'gap' | 'open' | 'met' | null;
}

/** The figures a reader looks at first. */
export interface ReportHeadline {
  /** On the roll on the last day counted. */
  members: number;
  leaders: number;
  probationary: number;
  /** People on the roll on some day of the period (each gets a row in the per-member tables). */
  membersInPeriod: number;
  sessionsHeld: number;
  sessionHours: number;
  sessionsByType: SessionTypeCount[];
  attendance: AttendanceCounts;
  studyHours: number;
  /** studyHours ÷ membersInPeriod, 1 decimal. */
  studyHoursPerHead: number;
  studyDays: number;
  noteDays: number;
  books: number;
  booksByCategory: { category: string; count: number }[];
  writings: number;
  writingsByKind: { kind: string; count: number }[];
  writingChars: number;
  /** 心得体会 and 理论文章 only (调研报告 are the leaders' research, counted with it). */
  essays: number;
  essayChars: number;
  researchDays: number;
  researchTrips: number;
  talks: number;
  talksByKind: { kind: string; count: number }[];
  trainings: number;
  trainingHours: number;
  exams: number;
  examAverage: number | null;
}

/** One person on the roster (ID and phone already masked unless the report was built with reveal). */
export interface RosterRow {
  memberId: number;
  name: string;
  branch: string;
  gender?: string;
  birthDate?: string;
  ethnicity?: string;
  education?: string;
  category?: string;
  joinPartyDate?: string;
  jobTitle?: string;
  partyPost?: string;
  leader: boolean;
  phone?: string;
  idCard?: string;
  onRollFrom?: string;
  onRollLeft?: string;
}

/** One member's figures over the period. */
export interface MemberStats {
  memberId: number;
  name: string;
  branch: string;
  leader: boolean;
  studyHours: number;
  studyDays: number;
  noteDays: number;
  books: number;
  booksByCategory: Record<string, number>;
  writings: number;
  writingChars: number;
  researchDays: number;
  talks: number;
  trainings: number;
  exams: number;
  examAverage: number | null;
  attendance: AttendanceCounts;
  /** Ended periods judged 未达标 for this member. */
  gaps: number;
}

/** One session held in the period, with its sign-in figures. */
export interface SessionRow extends AttendanceCounts {
  id: number;
  branch: string;
  date: string;
  type: string;
  typeName: string;
  topic: string;
  hours?: number;
  place?: string;
  speaker?: string;
}

/** A cell of the sign-in grid: a status, 'unmarked' (expected, nothing recorded), or null (not expected). */
export type GridMark = AttendanceStatus | 'unmarked' | null;

/**
 * Members × sessions: marks[i][j] is member i at session sessionIds[j]. A report over several branches
 * has one grid per branch instead (`branches`: each member's marks follow their own branch's sessions,
 * and sessionIds is empty) — an organ's 5,000 members × 5,000 sessions would be 25 million cells.
 */
export interface AttendanceGrid {
  sessionIds: number[];
  rows: { memberId: number; name: string; branch?: string; marks: GridMark[] }[];
  branches?: { branch: string; sessionIds: number[] }[];
}

/** A personal record listed in the workbook: whose, when, and its fields by key (as `log` names them). */
export interface ItemRow {
  memberId: number;
  name: string;
  date: string;
  values: Record<string, string | number | boolean | null>;
}

/** The personal records of the period, by kind. */
export interface ReportItems {
  books: ItemRow[];
  writings: ItemRow[];
  research: ItemRow[];
  talks: ItemRow[];
  trainings: ItemRow[];
  exams: ItemRow[];
}

/** One rule's compliance: people (or branches) counted at their worst status over the rule's periods. */
export interface RuleRow {
  id: string;
  title: string;
  appliesTo: 'all' | 'leaders' | 'branch';
  period: string;
  /** The quota in words: “每月 ≥ 1”. */
  quota: string;
  applicable: number;
  met: number;
  gap: number;
  open: number;
  na: number;
}

/** A verdict that is not met: 未达标 (ended) or 进行中 (open). */
export interface VerdictRow {
  rule: string;
  ruleTitle: string;
  appliesTo: 'all' | 'leaders' | 'branch';
  memberId?: number;
  /** The member's name, or the branch's for branch rules. */
  subject: string;
  branch: string;
  period: string;
  status: 'gap' | 'open';
  required: string;
  actual: string;
  short: string;
  need: string;
}

/** The audit of the period, as the report shows it. */
export interface ReportAudit {
  ruleSetTitle: string;
  rules: RuleRow[];
  /** Gaps (ended periods) first, then open items; by rule, then subject. */
  verdicts: VerdictRow[];
  gapCount: number;
  openCount: number;
  calendarNote?: string;
}

/** Everything the report shows. */
export interface PeriodReport {
  organ: string;
  /** The branch reported on, or the organ's name with the number of branches when all are reported. */
  branch: string;
  branches: string[];
  period: ReportPeriod;
  asOf: string;
  /** Whether ID and phone numbers are shown in full. */
  revealed: boolean;
  headline: ReportHeadline;
  roster: RosterRow[];
  members: MemberStats[];
  sessions: SessionRow[];
  grid: AttendanceGrid;
  items: ReportItems;
  audit: ReportAudit;
  moves: { joined: { name: string; date: string }[]; left: { name: string; date: string }[] };
  /** The study plan against what was held, and the reading room's loans (reportReading.ts). */
  plan?: import('./planReport.js').PlanReport;
  loans?: import('./reportReading.js').LoanRow[];
  /** One row per branch, worst first (a report over several branches; branchComparison.ts). */
  byBranch?: import('./branchComparison.js').BranchComparison;
  /** The rule set's setting the rates were computed with (请假 counted as attended): for the rates a
   * renderer sums up itself and for the legend that states the formula. */
  excusedCountsAsAttended: boolean;
}
