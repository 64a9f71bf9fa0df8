// Helpers for the engine tests: load a preset, build an evidence bundle, pick one verdict.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { emptyEvidence, type Evidence, type EvidenceMember } from '../../src/domain/evidence.js';
import { judge } from '../../src/domain/engine/judge.js';
import type { JudgeOptions, Verdict } from '../../src/domain/engine/types.js';
import type { RuleSet } from '../../src/domain/ruleSet.js';
import { validateRuleSet } from '../../src/domain/ruleSetValidate.js';
import { createWorkCalendar } from '../../src/io/officialCalendar.js';

/** A preset from templates/rules, validated; `excused` switches settings.excusedCountsAsAttended. */
export function preset(id: 'learning-org' | 'shuxiang-organ', excused?: boolean): RuleSet {
  const file = join(__dirname, '..', '..', 'templates', 'rules', `${id}.json`);
  const r = validateRuleSet(JSON.parse(readFileSync(file, 'utf8')), `${id}.json`);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  if (excused !== undefined) r.ruleSet.settings.excusedCountsAsAttended = excused;
  return r.ruleSet;
}

/** A bundle with the given tables filled in. */
export function bundle(parts: Partial<Evidence>): Evidence {
  return { ...emptyEvidence(), ...parts };
}

/** A member of branch 1 on the roll all along, not a leader, unless overridden. */
export function member(id: number, extra: Partial<EvidenceMember> = {}): EvidenceMember {
  return { id, name: `党员${id}`, branchId: 1, leaderIntervals: [], ...extra };
}

/** A leader of branch 1 in post for as long as on the roll. */
export function leader(id: number, extra: Partial<EvidenceMember> = {}): EvidenceMember {
  return member(id, { leaderIntervals: [{}], ...extra });
}

/** Runs the engine with the package calendar. */
export function run(rs: RuleSet, ev: Evidence, asOf: string, scope: string, extra: Partial<JudgeOptions> = {}): Verdict[] {
  return judge(rs, ev, { asOf, scope, calendar: createWorkCalendar(), ...extra });
}

/** The one verdict of a rule, member (undefined = branch) and period; fails when absent. */
export function pick(vs: Verdict[], rule: string, memberId: number | undefined, period: string): Verdict {
  const found = vs.filter((v) => v.rule === rule && v.memberId === memberId && v.period === period);
  expect(found, `${rule} / ${memberId ?? 'branch'} / ${period}`).toHaveLength(1);
  return found[0]!;
}

/** The periods a rule was judged over for a member (or the branch), in order. */
export function periodsOf(vs: Verdict[], rule: string, memberId?: number): string[] {
  return vs.filter((v) => v.rule === rule && v.memberId === memberId).map((v) => v.period);
}
