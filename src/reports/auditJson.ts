// The `audit --json` document (SPEC §6 item 7): the rule summaries and every verdict, each with rule,
// member, branch, period, status, required, actual, gap and evidence — made from the audit report model
// (audit.ts) as it is written, a few thousand verdicts at a time.
import type { Figure } from '../domain/engine/types.js';
import { branchOf, citesOf, nameOf, type AuditReport, type AuditVerdict, type VerdictNames } from './audit.js';
import type { VerdictStream } from './verdictStream.js';

/** The `audit --json` document: `{asOf, rules, verdicts}` (and `calendarNote` when a year is not covered).
 * With `stream`, the verdicts are the compact text it made while the audit ran (see VerdictStream). */
export function auditJson(r: AuditReport, stream?: VerdictStream): Record<string, unknown> {
  return {
    asOf: r.asOf,
    rules: r.rules.map((s) => ({
      id: s.rule.id, title: s.rule.title, appliesTo: s.rule.appliesTo, period: s.rule.period, threshold: s.rule.threshold,
      ...(s.rule.recommended !== undefined ? { recommended: s.rule.recommended } : {}),
      applicable: s.applicable, met: s.met, gap: s.gap, open: s.open, na: s.na,
    })),
    // Made a few thousand at a time as they are written (src/cli/jsonText.ts), so they die young — and,
    // written compact, as text directly (verdictsText).
    verdicts: stream ? stream.list(r.rules.map((x) => x.rule.id)) : new VerdictList(r.verdicts, (v) => verdictJson(r, v), verdictsText(r)),
    ...(r.calendarNote ? { calendarNote: r.calendarNote } : {}),
  };
}

/** One verdict of `audit --json`: one object shape for every verdict; keys left undefined are dropped by JSON. */
export function verdictJson(r: VerdictNames, v: AuditVerdict): Record<string, unknown> {
  return {
    rule: v.rule, member: nameOf(r, v), branch: branchOf(r, v), period: v.period, status: v.status,
    required: v.required, actual: v.actual, gap: v.gap, evidence: citesOf(v.evidence),
    need: v.need || undefined, daysLeft: v.daysLeft, note: v.note || undefined,
  };
}

/**
 * Compact JSON text of verdicts, joined by commas — the same document as mask(JSON.stringify(the
 * verdictJson objects)) (test/unit/auditJsonText.test.ts holds the two to each other), without scanning
 * 80 MB of text for personal numbers: the strings (names, rule ids, keys, sentences) are masked one by
 * one through a cache before JSON.stringify, and the numbers need no masking when none has 11 digits
 * before its point (every personal number has 11 digits or more; a fraction's digits never start one).
 * Only a slice holding such a number is masked as a whole.
 */
function verdictsText(r: VerdictNames): (vs: AuditVerdict[], mask: (json: string) => string) => string {
  let masking: ((json: string) => string) | undefined;
  let cache = new Map<string, string>();
  return (vs, mask) => {
    if (mask !== masking) { cache = new Map(); masking = mask; }
    // A string as the masked JSON reads back (the mask's own rule, applied to its literal).
    const text = (s: string | undefined) => {
      if (s === undefined) return undefined;
      let t = cache.get(s);
      if (t === undefined) cache.set(s, (t = JSON.parse(mask(JSON.stringify(s))) as string));
      return t;
    };
    const short = (n: number | undefined) => n === undefined || !(Math.abs(n) >= 1e10);
    const plain = (f: Figure | undefined) => {
      if (typeof f !== 'object') return short(f);
      for (const k in f) if (!short(f[k]) || text(k) !== k) return false;
      return true;
    };
    const objects: Record<string, unknown>[] = new Array(vs.length);
    let risky = false;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i]!;
      const o = verdictJson(r, v);
      o.rule = text(v.rule); o.member = text(o.member as string | undefined); o.branch = text(o.branch as string);
      o.period = text(v.period); o.need = text(o.need as string | undefined); o.note = text(o.note as string | undefined);
      if (!risky && !(plain(v.required) && plain(v.actual) && plain(v.gap) && short(v.daysLeft) && plainIds(o.evidence as Record<string, number[]>, text))) risky = true;
      objects[i] = o;
    }
    const json = JSON.stringify(objects).slice(1, -1);
    return risky ? mask(json) : json;
  };
}

/** Evidence ids that JSON.stringify writes as they are: whole numbers of under 11 digits, under plain keys. */
function plainIds(cites: Record<string, number[]>, text: (s: string) => string | undefined): boolean {
  for (const k in cites) {
    if (text(k) !== k) return false;
    for (const x of cites[k]!) if (!(x < 1e10 && x > -1e10)) return false;
  }
  return true;
}

/** The verdicts of `audit --json`, mapped item by item when read: slices for a piecewise writer, toJSON()
 * for JSON.stringify, and compact text directly (see src/cli/jsonText.ts). */
class VerdictList {
  constructor(private readonly items: AuditVerdict[], private readonly fn: (v: AuditVerdict) => Record<string, unknown>, private readonly text: (vs: AuditVerdict[], mask: (json: string) => string) => string) {}
  /** How many items. */
  get length(): number { return this.items.length; }
  /** Items [start, end), mapped. */
  slice(start: number, end: number): Record<string, unknown>[] { return this.items.slice(start, end).map(this.fn); }
  /** The whole list, mapped. */
  toJSON(): Record<string, unknown>[] { return this.items.map(this.fn); }
  /** Items [start, end) as compact JSON text. */
  compactText(start: number, end: number, mask: (json: string) => string): string { return this.text(this.items.slice(start, end), mask); }
}
