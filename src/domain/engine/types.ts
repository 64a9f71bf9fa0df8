// The engine's vocabulary: verdicts (its output), judge options (its input) and the metric contract.
import type { EvidenceIds, EvidenceMember } from '../evidence.js';
import type { DateRange, Period } from '../periods.js';
import type { Rule } from '../ruleSet.js';
import type { WorkCalendar } from '../workdays.js';
import type { AttendanceColumns, DayIds, EvidenceIndex, StudyColumns } from './evidenceIndex.js';

/** A figure of a verdict: a number, or numbers by part/category (`{"业务": 1, "科学人文": 0}`). */
export type Figure = number | Record<string, number>;

/** 达标 / 未达标 / 进行中 / 不适用. */
export type VerdictStatus = 'met' | 'gap' | 'open' | 'na';

/** One rule judged for one member (or the branch) over one period — what `audit --json` lists. */
export interface Verdict {
  rule: string;
  /** Absent for branch rules. */
  memberId?: number;
  branchId: number;
  /** Period id as SPEC §3.3: `2026`, `2026-H1`, `2026-Q3`, `2026-03`, `2026-W10`. */
  period: string;
  status: VerdictStatus;
  /** The quota after proration (rates: a fraction 0–1). */
  required: Figure;
  actual: Figure;
  /** required − actual, never below 0, by the same shape. */
  gap: Figure;
  /** Ids of the evidence counted, by table. */
  evidence: EvidenceIds;
  /** For a period still open (for this member): days left, the as-of day included. */
  daysLeft?: number;
  /** What is short (gap) or still needed by when (open), in Chinese. */
  need?: string;
  /** Why a verdict is 不适用, or how the quota was prorated, in Chinese. */
  note?: string;
  /** Side figures the renderers may show: excused absences, sessions expected, working days, headcount. */
  detail?: Record<string, number>;
}

/** How to run an audit. */
export interface JudgeOptions {
  /** The as-of date: periods ended by then are judged, the one holding it is open, later ones are not shown. */
  asOf: string;
  /** The audited span: a period id (`2026`, `2026-Q3`…) or a date range; rule periods are taken inside it
   * (weeks by their Thursday, other kinds by overlap — so a yearly rule shows its year in a quarter audit). */
  scope: string | DateRange;
  calendar: WorkCalendar;
  /** Only these rules / members (the CLI's --rule and --member); all when absent. */
  ruleIds?: string[];
  memberIds?: number[];
  /** Self-study as columns by member (the organ-scale path of the audit), used besides evidence.selfStudy. */
  selfStudy?: Map<number, StudyColumns>;
  /** false: self-study verdicts list no evidence ids (the period report shows figures only; an organ's year cites 1.7 million). */
  citeSelfStudy?: boolean;
  /** Lectures logged, as day/id columns by member (the organ-scale path), used besides evidence.lectures. */
  lectures?: Map<number, DayIds>;
  /** Sign-ins as columns by member (the organ-scale path), used besides evidence.attendance. */
  attendance?: Map<number, AttendanceColumns>;
  /** Receives each verdict as it is made (judge then returns none), so a caller can keep only some. */
  sink?: (v: Verdict) => void;
  /** With `sink`: a member's 'met' verdict is only reported here (rule, member, branch), not built — an
   * organ's year holds ~300,000 of them, and a caller that only counts them need not pay for the objects. */
  onMet?: (rule: string, memberId: number, branchId: number) => void;
  /** With `sink` (and no `onMet`): a member's 'met' verdict of an ended period wholly on the roll, of a rule
   * counting sign-ins or lectures, or self-study (quickMet.ts quickCited), handed over in parts instead of a
   * Verdict — the same verdict judged() would make: gap 0, no need, note or days left. `parts` is reused:
   * read it during the call only. */
  onMetCited?: (parts: MetParts) => void;
}

/** A 'met' verdict in parts (JudgeOptions.onMetCited). */
export interface MetParts {
  rule: string;
  memberId: number;
  branchId: number;
  period: string;
  /** The quota and what was counted, as the metric states them (gap: 0 in every part). */
  required: Figure;
  actual: Figure;
  /** The ids counted, by table, as the verdict's evidence would hold them (empty lists are left out there). */
  cites: { attendance: number[]; lectures: number[]; selfStudy: number[] };
}

/** Everything a member metric needs to count one period. */
export interface MemberMetricContext {
  rule: Rule;
  member: EvidenceMember;
  period: Period;
  /** The days judged: the period ∩ on the roll (∩ the post, for leader rules). */
  segments: DateRange[];
  /** The same, cut at the as-of date: evidence is counted inside these. */
  counted: DateRange[];
  excusedCounts: boolean;
  idx: EvidenceIndex;
  calendar: WorkCalendar;
  asOf: string;
  /** false: the self-study counter lists no ids (see JudgeOptions.citeSelfStudy). */
  citeSelfStudy?: boolean;
}

/** Everything a branch metric needs to count one period. */
export interface BranchMetricContext {
  rule: Rule;
  branchId: number;
  period: Period;
  /** The period cut at the as-of date. */
  counted: DateRange;
  idx: EvidenceIndex;
  asOf: string;
}

/** What a metric counted. `required` is set only by metrics whose quota depends on the data
 * (self-study: per working day; reflections: per headcount); otherwise the rule's threshold is used. */
export interface Measure {
  actual: Figure;
  evidence: EvidenceIds;
  detail?: Record<string, number>;
  required?: Figure;
  /** Set when the metric cannot be judged (e.g. no session to be expected at), with the reason. */
  naReason?: string;
}
