// The counters behind branch rules (四举办, S3, S4): sessions the branch held and reflections handed in.
import type { MetricName } from '../ruleSet.js';
import { NO_ITEMS, within } from './evidenceIndex.js';
import { rollIntervalsIn, segmentsIn, tooFewDays, totalDays } from './intervals.js';
import type { BranchMetricContext, Measure } from './types.js';

/** Members counted in a branch's headcount for a period: on its roll for at least half of its days
 * (the same line that decides whether a monthly rule judges a member at all; someone moved on a day
 * counts for the branch whose roll they were on). */
export function headcount(c: BranchMetricContext): number {
  return (c.idx.membersByBranch.get(c.branchId) ?? []).filter((m) => {
    const days = totalDays(segmentsIn(rollIntervalsIn(m, c.branchId), c.period));
    return days > 0 && !tooFewDays(days, c.period);
  }).length;
}

/** One counter per branch metric. */
export const BRANCH_METRICS: Partial<Record<MetricName, (c: BranchMetricContext) => Measure>> = {
  'sessions-held': (c) => {
    const types = c.rule.options.sessionTypes ?? ['collective-study'];
    const held = within(c.idx.sessionsByBranch.get(c.branchId) ?? NO_ITEMS, [c.counted]).filter((s) => types.includes(s.type));
    return { actual: held.length, evidence: { sessions: held.map((s) => s.id) } };
  },

  'reflections-per-headcount': (c) => {
    const kinds: string[] = c.rule.options.writingKinds ?? ['心得体会'];
    const min = c.rule.options.minChars ?? 0;
    const heads = headcount(c);
    const ids: number[] = [];
    let tooShort = 0;
    for (const m of c.idx.membersByBranch.get(c.branchId) ?? []) {
      const days = segmentsIn(rollIntervalsIn(m, c.branchId), c.counted);
      for (const w of within(c.idx.byMember(m.id).writings, days)) {
        if (!kinds.includes(w.kind)) continue;
        if (w.chars >= min) ids.push(w.id);
        else tooShort++;
      }
    }
    const share = c.rule.threshold as number;
    const m: Measure = {
      // 10 % of 30 is 3.0000000000000004 in floating point: take off a hair before rounding up.
      required: Math.ceil(share * heads - 1e-9),
      actual: ids.length,
      evidence: { writings: ids },
      detail: { headcount: heads, tooShort },
    };
    if (heads === 0) m.naReason = '本期没有在册满半数天数的人员';
    return m;
  },
};
