// The rule engine: every rule × every member (or branch) × every period of the audit → a verdict.
// Status per SPEC §3.3 as decided here:
// - a period that has ended for the subject (its end, or the day the member left the roll / the post,
//   is on or before the as-of date) → 'met' or 'gap';
// - the period holding the as-of date → 'met' once the quota is already reached, else 'open' with what is
//   still needed and the days left; attendance rates stay 'open' (a later absence can still lower them);
// - periods starting after the as-of date, or in which the member was never on the roll → no verdict;
// - 'na' (with a note): a yearly/half-yearly quota prorated to 0; a monthly/weekly/quarterly/daily period
//   with fewer than half its days on the roll; a rate with no session to be expected at; a week or month
//   without a single working day, for rules that count sessions or lectures (skipPeriodsWithoutWorkdays).
import type { Evidence, EvidenceIds } from '../evidence.js';
import { type DateRange, type Period, addDaysIso, daysBetween, parsePeriodId, periodsToJudge } from '../periods.js';
import { METRIC_SHAPES, type Rule, type RuleSet } from '../ruleSet.js';
import { dayOf, indexEvidence, type EvidenceIndex } from './evidenceIndex.js';
import { gapOf, isZero, mapFigure } from './figures.js';
import { branchOn, cutAt, isProratedKind, judgedIntervals, prorate, rollIntervalsIn, segmentsIn, tooFewDays, totalDays } from './intervals.js';
import { BRANCH_METRICS } from './metricsBranch.js';
import { MEMBER_METRICS } from './metricsMember.js';
import { needSentence } from './need.js';
import { quickCited, quickMet } from './quickMet.js';
import type { Figure, JudgeOptions, Measure, MetParts, Verdict } from './types.js';

/** Judges a rule set over the evidence; verdicts come in rule order, then member (bundle order) or branch, then period.
 * With `opts.sink`, each verdict goes there as it is made and the returned list stays empty. */
export function judge(ruleSet: RuleSet, evidence: Evidence, opts: JudgeOptions): Verdict[] {
  const scope = resolveScope(opts.scope);
  const idx = indexEvidence(evidence, { study: opts.selfStudy, lectures: opts.lectures, attendance: opts.attendance });
  const out: Verdict[] = [];
  // A member's judged days depend only on whether the rule is for leaders: worked out once per member.
  const intervalCache = { all: new Map<number, DateRange[]>(), leaders: new Map<number, DateRange[]>() };
  const intervalsOf = (m: Evidence['members'][number], kind: 'all' | 'leaders') => {
    const cache = intervalCache[kind];
    let got = cache.get(m.id);
    if (!got) cache.set(m.id, (got = judgedIntervals(m, kind)));
    return got;
  };
  const push = opts.sink ? (_: Verdict[], v: Verdict | undefined) => v && opts.sink!(v) : keep;
  for (const base of ruleSet.rules) {
    if (opts.ruleIds && !opts.ruleIds.includes(base.id)) continue;
    // Nobody on the roll (an empty database, a year before the roster): no subject, no periods to work out.
    if (idx.members.length === 0) continue;
    // Resolve the rule-set default once, so metrics and sentences read one flag.
    const rule: Rule = { ...base, options: { ...base.options, excusedCountsAsAttended: base.options.excusedCountsAsAttended ?? ruleSet.settings.excusedCountsAsAttended } };
    const periods = periodsToJudge(rule.period, scope, opts.asOf);
    const idle = idlePeriods(ruleSet, rule, periods, opts.calendar);
    if (rule.appliesTo === 'branch') {
      for (const b of idx.branchIds) for (const p of periods) push(out, judgeBranch(rule, b, p, idx, opts, idle.get(p.id)));
      continue;
    }
    // Per period once: the period as its own single segment (the common case of a member on the roll throughout).
    const whole = periods.map((p) => [p]);
    const idles = periods.map((p) => idle.get(p.id));
    const kind = rule.appliesTo === 'leaders' ? 'leaders' : 'all';
    // Only counting the met ones: an ended period wholly on the roll is first counted without a Measure.
    const quick = opts.onMet && opts.sink ? quickMet(rule, idx, opts.calendar) : undefined;
    // Or, for a caller writing every verdict, the met ones of a count rule handed over in parts.
    const cited = !quick && opts.onMetCited && opts.sink ? quickCited(rule, idx, opts.calendar, opts.citeSelfStudy) : undefined;
    const from = quick || cited ? periods.map((p) => dayOf(p.start)) : [];
    const to = quick || cited ? periods.map((p) => dayOf(p.end)) : [];
    const parts: MetParts = { rule: rule.id, memberId: 0, branchId: 0, period: '', required: 0, actual: 0, cites: { attendance: [], lectures: [], selfStudy: [] } };
    for (const m of idx.members) {
      if (opts.memberIds && !opts.memberIds.includes(m.id)) continue;
      const intervals = intervalsOf(m, kind);
      if (!intervals.length) continue;
      const one = intervals.length === 1 ? intervals[0]! : undefined;
      for (let k = 0; k < periods.length; k++) {
        const p = periods[k]!;
        if ((quick || cited) && one && idles[k] === undefined && one.start <= p.start && one.end >= p.end && opts.asOf >= p.end) {
          if (quick && quick(m, p, from[k]!, to[k]!)) { opts.onMet!(rule.id, m.id, m.rollTerms ? branchOn(m, addDaysIso(p.end, -1)) : m.branchId); continue; }
          if (cited) {
            const c = parts.cites;
            if (c.attendance.length) c.attendance.length = 0;
            if (c.lectures.length) c.lectures.length = 0;
            if (c.selfStudy.length) c.selfStudy.length = 0;
            if (cited(m, p, from[k]!, to[k]!, parts)) {
              parts.memberId = m.id;
              parts.branchId = m.rollTerms ? branchOn(m, addDaysIso(p.end, -1)) : m.branchId;
              parts.period = p.id;
              opts.onMetCited!(parts);
              continue;
            }
          }
        }
        push(out, judgeMember(rule, m, intervals, p, whole[k]!, idx, opts, idles[k]));
      }
    }
  }
  return out;
}

const keep = (out: Verdict[], v: Verdict | undefined) => v && out.push(v);

/** The weeks and months of a rule counting sessions or lectures that hold no working day at all, with the
 * note their 不适用 verdicts carry (none when the rule set's skipPeriodsWithoutWorkdays is false). */
function idlePeriods(ruleSet: RuleSet, rule: Rule, periods: Period[], calendar: JudgeOptions['calendar']): Map<string, string> {
  const out = new Map<string, string>();
  if (ruleSet.settings.skipPeriodsWithoutWorkdays === false || !METRIC_SHAPES[rule.metric].countsSessions) return out;
  if (rule.period !== 'week' && rule.period !== 'month') return out;
  for (const p of periods) {
    if (calendar.workingDaysIn(p.start, p.end) > 0) continue;
    const names = calendar.holidayNames(p.start, p.end);
    out.set(p.id, `${rule.period === 'week' ? '本周' : '本月'}（${p.start} 至 ${addDaysIso(p.end, -1)}）没有工作日（${names.length ? names.join('、') : '全部为休息日'}），不考核`);
  }
  return out;
}

/** A period id or a range; a bad id is a programming error here (the CLI validates flags first). */
export function resolveScope(scope: string | DateRange): DateRange {
  if (typeof scope !== 'string') return scope;
  const p = parsePeriodId(scope);
  if (!p) throw new RangeError(`“${scope}”不是有效的期间，应写成 2026、2026-H1、2026-Q3、2026-03 或 2026-W10`);
  return { start: p.start, end: p.end };
}

function judgeMember(rule: Rule, m: Evidence['members'][number], intervals: DateRange[], p: Period, onlyP: DateRange[], idx: EvidenceIndex, o: JudgeOptions, idle: string | undefined): Verdict | undefined {
  // Fast path: on the roll (in post) for the whole period — the common case, and worth it for weekly rules.
  const whole = intervals.length === 1 && intervals[0]!.start <= p.start && intervals[0]!.end >= p.end;
  const segments = whole ? onlyP : segmentsIn(intervals, p);
  const total = dayOf(p.end) - dayOf(p.start);
  const daysOn = whole ? total : totalDays(segments);
  if (daysOn === 0 || segments[0]!.start > o.asOf) return undefined;
  const end = segments[segments.length - 1]!.end;
  const open = o.asOf < end;
  const counted = open ? cutAt(segments, o.asOf) : segments;
  const measure = MEMBER_METRICS[rule.metric]!({
    rule, member: m, period: p, segments, counted, excusedCounts: rule.options.excusedCountsAsAttended!, idx, calendar: o.calendar, asOf: o.asOf,
    citeSelfStudy: o.citeSelfStudy,
  });
  const who = rule.appliesTo === 'leaders' ? '任职' : '在册';
  const daysLeft = open ? daysBetween(o.asOf, end) : undefined;
  // The verdict is the branch's whose roll they were on on the last day judged (moved on a day: a month
  // before the move is the old branch's).
  const branchId = m.rollTerms ? branchOn(m, addDaysIso(counted[counted.length - 1]!.end, -1)) : m.branchId;
  const at: Subject = { rule, memberId: m.id, branchId, period: p.id, daysLeft };
  // The quota as the metric states it (a daily rule's hours per working day become the period's hours).
  let required: Figure = measure.required ?? rule.threshold;
  if (idle) return na(at, required, measure, idle);
  if (!whole && !isProratedKind(p.kind) && tooFewDays(daysOn, p)) {
    return na(at, required, measure, `${who} ${daysOn}/${total} 天，不足半数，本期不考核`);
  }
  let note: string | undefined;
  if (measure.required === undefined && METRIC_SHAPES[rule.metric].threshold !== 'share' && isProratedKind(p.kind) && daysOn < total) {
    required = mapFigure(rule.threshold, (t) => prorate(t, daysOn, total));
    note = `按${who} ${daysOn}/${total} 天折算`;
    if (isZero(required)) return na(at, required, measure, `${note}后为 0，本期不适用`);
  }
  if (measure.naReason) return na(at, required, measure, measure.naReason);
  if (o.onMet && o.sink && metEarly(rule, required, measure.actual, open)) { o.onMet(rule.id, m.id, branchId); return undefined; }
  return judged(at, required, measure, open, note);
}

/** Whether judged() would say 'met' (the quota reached; never early for an open attendance rate). */
function metEarly(rule: Rule, required: Figure, actual: Figure, open: boolean): boolean {
  if (open && rule.metric === 'attendance-rate') return false;
  return isZero(gapOf(required, actual));
}

function judgeBranch(rule: Rule, branchId: number, p: Period, idx: EvidenceIndex, o: JudgeOptions, idle: string | undefined): Verdict | undefined {
  // A branch is judged only for periods in which someone was on its roll.
  const members = idx.membersByBranch.get(branchId) ?? [];
  if (!members.some((m) => totalDays(segmentsIn(rollIntervalsIn(m, branchId), p)) > 0)) return undefined;
  const open = o.asOf < p.end;
  const counted = open ? { start: p.start, end: addDaysIso(o.asOf, 1) } : p;
  const measure = BRANCH_METRICS[rule.metric]!({ rule, branchId, period: p, counted, idx, asOf: o.asOf });
  const required = measure.required ?? rule.threshold;
  const at: Subject = { rule, memberId: undefined, branchId, period: p.id, daysLeft: open ? daysBetween(o.asOf, p.end) : undefined };
  if (idle) return na(at, required, measure, idle);
  if (measure.naReason) return na(at, required, measure, measure.naReason);
  return judged(at, required, measure, open);
}

/** Who and when a verdict is about. */
interface Subject {
  rule: Rule;
  memberId: number | undefined;
  branchId: number;
  period: string;
  daysLeft: number | undefined;
}

/** Every verdict is built here, with one fixed set of keys (absent ones undefined, which JSON drops):
 * one object shape keeps a weekly audit of a whole organ (10⁵ verdicts) fast. */
function verdict(at: Subject, status: Verdict['status'], required: Figure, m: Measure, gap: Figure, note: string | undefined): Verdict {
  return {
    rule: at.rule.id, memberId: at.memberId, branchId: at.branchId, period: at.period, status, required, actual: m.actual, gap,
    evidence: cited(m), daysLeft: at.daysLeft, need: undefined, note, detail: detailOf(m),
  };
}

function na(at: Subject, required: Figure, m: Measure, note: string): Verdict {
  return verdict(at, 'na', required, m, mapFigure(required, () => 0), note);
}

function judged(at: Subject, required: Figure, m: Measure, open: boolean, note?: string): Verdict {
  const gap = gapOf(required, m.actual);
  const reached = isZero(gap);
  // An attendance rate can still fall while its period is open, so it is never 'met' early.
  const status = open ? (reached && at.rule.metric !== 'attendance-rate' ? 'met' : 'open') : reached ? 'met' : 'gap';
  const v = verdict(at, status, required, m, gap, note);
  v.need = needSentence(at.rule, v) || undefined;
  return v;
}

/** The evidence lists that hold something (an empty list says nothing). */
function cited(m: Measure): EvidenceIds {
  const out: EvidenceIds = {};
  for (const k in m.evidence) {
    const ids = m.evidence[k as keyof EvidenceIds];
    if (ids && ids.length) out[k as keyof EvidenceIds] = ids;
  }
  return out;
}

const ALWAYS_SHOWN = new Set(['expected', 'attended', 'headcount', 'workingDays']);

/** Keeps only the non-zero side figures, so the JSON stays short. */
function detailOf(m: Measure): Record<string, number> | undefined {
  let d: Record<string, number> | undefined;
  for (const k in m.detail) {
    const v = m.detail[k]!;
    if (v !== 0 || ALWAYS_SHOWN.has(k)) (d ??= {})[k] = v;
  }
  return d;
}
