// `audit --json` written compact (not to a terminal) makes its verdicts' text directly — as UTF-8 bytes while
// the audit runs (reports/verdictStream.ts VerdictStream), or from the kept list (verdictsText) — instead of
// JSON.stringify over the whole objects and a scan of the whole text for personal numbers. The oracle is that generic path: the same verdicts, JSON.stringify'd, then masked by
// maskJsonText — the bytes must be the same, masked or revealed, for any names, figures and ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/domain/engine/types.js';
import { findPersonalData, maskJsonText } from '../../src/domain/pii.js';
import type { AuditReport } from '../../src/reports/audit.js';
import { auditJson } from '../../src/reports/auditJson.js';
import { metVerdict, VerdictStream, type ChunkList } from '../../src/reports/verdictStream.js';
import type { MetParts } from '../../src/domain/engine/types.js';

interface TextList { length: number; slice(a: number, b: number): unknown[]; compactText(a: number, b: number, mask: (s: string) => string): string }

const listOf = (names: Map<number, string>, branches: Map<number, string>, verdicts: Verdict[]): TextList => {
  const report = { asOf: '2026-12-31', rules: [], verdicts, memberNames: names, branchNames: branches } as unknown as AuditReport;
  return auditJson(report).verdicts as TextList;
};

const same = (s: string) => s;

/** The verdicts through a VerdictStream: its text, and the verdicts in the order it wrote them (each
 * rule's together, rules in the order given, each rule's verdicts as they came). */
const streamed = (names: Map<number, string>, branches: Map<number, string>, vs: Verdict[], mask: (s: string) => string) => {
  const stream = new VerdictStream(mask);
  const at = { memberNames: names, branchNames: branches };
  for (const v of vs) stream.add(v, at);
  const order = [...new Set(vs.map((v) => v.rule))].reverse();
  const list: ChunkList = stream.list(order);
  const ordered = order.flatMap((r) => vs.filter((v) => v.rule === r));
  return { text: Buffer.concat(list.chunks).toString('utf8'), length: list.length, ordered };
};

describe('audit --json: the verdicts written as text', () => {
  it('are byte for byte the generic serialisation, masked (maskJsonText) and revealed', () => {
    const personal = fc.constantFrom('13812345678', '11010519491231002X', '电话 139-1234-5678', 'a"b\\c\n13912345678', '王伟', '第1党支部', '');
    const text = fc.oneof(fc.string(), personal);
    const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(13812345678, 110105194912310020, 0.13812345678901, 1e21, -0, 0.9166666666666666, NaN, Infinity));
    const figure = fc.oneof(num, fc.dictionary(text, num, { maxKeys: 3 }));
    const ids = fc.array(fc.oneof(fc.nat(2_000_000), fc.constantFrom(13812345678, 1e10, -5)), { maxLength: 6 });
    const verdict = fc.record({
      rule: text,
      memberId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      branchId: fc.integer({ min: 1, max: 3 }),
      period: fc.constantFrom('2026', '2026-W01', '2026-03', '2026-Q1'),
      status: fc.constantFrom('met', 'gap', 'open', 'na'),
      required: figure, actual: figure, gap: figure,
      evidence: fc.record({ selfStudy: ids, attendance: fc.array(fc.nat(5_000_000_000), { maxLength: 3 }), sessions: ids, lectures: ids, readings: ids }, { requiredKeys: [] }),
      need: fc.option(text, { nil: undefined }),
      daysLeft: fc.option(num, { nil: undefined }),
      note: fc.option(text, { nil: undefined }),
    }, { requiredKeys: ['rule', 'branchId', 'period', 'status', 'required', 'actual', 'gap', 'evidence'] });
    fc.assert(fc.property(fc.array(text, { minLength: 5, maxLength: 5 }), fc.array(verdict, { maxLength: 8 }), (nameList, vs) => {
      const names = new Map(nameList.slice(0, 4).map((n, i) => [i + 1, n]));
      const branches = new Map([[1, nameList[4]!], [2, '第2党支部']]);
      const list = listOf(names, branches, vs as Verdict[]);
      const generic = JSON.stringify(list.slice(0, list.length)).slice(1, -1);
      expect(list.compactText(0, list.length, maskJsonText)).toBe(maskJsonText(generic));
      expect(list.compactText(0, list.length, same)).toBe(generic);
      // Written as made, grouped by rule: the same verdicts in that order, serialised the generic way.
      for (const mask of [maskJsonText, same]) {
        const s = streamed(names, branches, vs as Verdict[], mask);
        const oracle = JSON.stringify(listOf(names, branches, s.ordered).slice(0, vs.length)).slice(1, -1);
        expect(s.text).toBe(mask(oracle));
        expect(s.length).toBe(vs.length);
      }
    }), { numRuns: 2000, seed: 1803 });
  });

  it('written as made, span buffers and fall back the generic way mid-buffer without losing a byte', () => {
    // 3,000 verdicts of ~1 KB fill a dozen 256 KB buffers; every other one ends with an 11-digit figure
    // (so is written the generic, masked way), begun the fast way — often across a buffer's end — and rewound.
    const names = new Map([[1, '黄刚涛'], [2, '王伟']]);
    const branches = new Map([[1, '第27党支部']]);
    const vs: Verdict[] = Array.from({ length: 3000 }, (_, i) => ({
      rule: i % 3 ? 'L1-monthly' : 'P2-weekly', memberId: (i % 2) + 1, branchId: 1, period: `2026-${String((i % 12) + 1).padStart(2, '0')}`,
      status: i % 5 ? 'met' : 'gap', required: 1, actual: 1, gap: 0, evidence: { sessions: [i, i + 1], lectures: Array.from({ length: 100 + (i % 13) }, (_, k) => i * 1000 + k) },
      ...(i % 5 ? {} : { need: `差 ${i} 次` }), ...(i % 2 ? { daysLeft: 13812345678 } : {}),
    }));
    const s = streamed(names, branches, vs, maskJsonText);
    expect(s.text).toBe(maskJsonText(JSON.stringify(listOf(names, branches, s.ordered).slice(0, vs.length)).slice(1, -1)));
    expect(s.text).not.toContain('13812345678');
    expect(JSON.parse(`[${s.text}]`)).toHaveLength(3000);
  });

  it('masks a phone number in a name, a sentence or a category, and a long number among the figures', () => {
    const list = listOf(new Map([[1, '张三13812345678']]), new Map([[1, '一支部']]), [
      { rule: 'P1', memberId: 1, branchId: 1, period: '2026-01', status: 'gap', required: { '电话13912345678': 1 }, actual: 13712345678, gap: 1, evidence: { selfStudy: [1, 2] }, need: '联系 13612345678' },
    ]);
    const out = list.compactText(0, 1, maskJsonText);
    expect(findPersonalData(out)).toEqual([]);
    expect(JSON.parse(`[${out}]`)[0]).toMatchObject({ member: '张三138****5678', actual: '137****5678', required: { '电话139****5678': 1 }, need: '联系 136****5678', evidence: { 'self-study': [1, 2] } });
  });

  it('a met verdict in parts (addMet) is written as the verdict it stands for (add), fallbacks included', () => {
    const id = fc.oneof(fc.nat(3_000_000), fc.constantFrom(2 ** 31, 13812345678, 4_000_000_000_000_001));
    const figure = fc.oneof(fc.nat(100), fc.double({ min: 0, max: 100, noNaN: true }), fc.record({ hours: fc.double({ min: 0, max: 300, noNaN: true }), noteDays: fc.nat(31) }));
    const parts = fc.record({
      rule: fc.constantFrom('P2-weekly', 'P1-daily', 'L1-monthly'), memberId: fc.integer({ min: 1, max: 3 }), branchId: fc.integer({ min: 1, max: 2 }),
      period: fc.constantFrom('2026-W01', '2026-03'), required: figure, actual: figure,
      cites: fc.record({ attendance: fc.array(id.map((x) => x * 1_000_000 + 1), { maxLength: 3 }), lectures: fc.array(id, { maxLength: 3 }), selfStudy: fc.array(id, { maxLength: 5 }) }),
    });
    fc.assert(fc.property(fc.array(parts, { maxLength: 6 }), (ps) => {
      const names = { memberNames: new Map([[1, '王伟'], [2, '张三13812345678']]), branchNames: new Map([[1, '第1党支部']]) };
      const a = new VerdictStream(maskJsonText);
      const b = new VerdictStream(maskJsonText);
      for (const p of ps as MetParts[]) {
        // (A quota reached: the required figure's shape is the actual's, as a metric gives them.)
        const m = { ...p, required: typeof p.actual === 'number' ? (typeof p.required === 'number' ? p.required : 1) : p.actual };
        a.addMet(m, names);
        b.add(metVerdict(m), names);
      }
      const text = (s: VerdictStream) => Buffer.concat(s.list(['P1-daily', 'P2-weekly', 'L1-monthly']).chunks).toString('utf8');
      expect(text(a)).toBe(text(b));
    }), { numRuns: 500, seed: 1204 });
  });
});
