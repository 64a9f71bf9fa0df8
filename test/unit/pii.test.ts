// Masking personal numbers anywhere in text (issue 16): every ID-looking or mobile-looking number, in
// one piece or cut across chunked writes, and the roster headers that name the two fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, MASK_PATTERNS, maskDeep, maskedCell, maskInPlace, maskJsonText, maskPersonalData, PersonalDataFilter } from '../../src/domain/pii.js';
import { fieldForHeader, isPersonalNumberHeader } from '../../src/domain/rosterHeader.js';
import { shownExtras } from '../../src/domain/memberView.js';

describe('maskPersonalData', () => {
  it.each([
    ['身份证 11010519491231002X。', '身份证 110105********002X。'],
    ['id 11010519491231002x', 'id 110105********002X'],
    ['旧号 110105491231002', '旧号 110105*****1002'],
    ['19 位 3101041961101910061', '19 位 310104*********0061'],
    ['--phone 13812345678/13998765432', '--phone 138****5678/139****5432'],
    ['家庭住址 某路1号 电话13912345678', '家庭住址 某路1号 电话139****5678'],
    ['138-1234-5678 或 138 1234 5678', '138****5678 或 138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['"phone": "13812345678"', '"phone": "138****5678"'],
    ['电话13812345678。身份证11010519491231002X.', '电话138****5678。身份证110105********002X.'],
  ])('%s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(findPersonalData(maskPersonalData(text))).toEqual([]);
  });

  it('leaves dates, ISBNs, counts, landlines and times alone', () => {
    for (const t of ['0.33333333333333331', '{"rate": 0.13812345678}', '12.138123456789', '2026-03-10', 'ISBN 9787010000000', '共 12345 人', '010-12345678', '20261122-090000', '1764590000000']) expect(maskPersonalData(t)).toBe(t);
  });

  it('maskDeep masks every string of a model, keeps Dates and numbers, and is a no-op with reveal', () => {
    const when = new Date(Date.UTC(2026, 0, 1));
    const model = { title: '名单', rows: [{ name: '张三', note: '电话13812345678', n: 3, when }], byId: new Map([[1, ['11010519491231002X']]]) };
    const masked = maskDeep(model);
    expect(masked.rows[0]).toEqual({ name: '张三', note: '电话138****5678', n: 3, when });
    expect(masked.byId.get(1)).toEqual(['110105********002X']);
    expect(model.rows[0]!.note).toBe('电话13812345678');
    expect(maskDeep(model, true)).toBe(model);
  });

  it('maskInPlace masks the same strings as maskDeep where they are, through shared and cyclic parts, and is a no-op with reveal', () => {
    const when = new Date(Date.UTC(2026, 0, 1));
    const make = () => {
      const shared = { phone: '13812345678', plain: '第一支部' };
      const model: Record<string, unknown> = {
        title: '名单 11010519491231002X', rows: [{ name: '张三', note: '电话13812345678', n: 3, when, who: shared }, shared],
        byId: new Map<number, unknown>([[1, ['11010519491231002X', 7]], [2, '13912345678']]), list: ['13812345678', ['110105194912310021']],
      };
      model.self = model;
      return model;
    };
    const model = make();
    const rows = model.rows as unknown[];
    expect(maskInPlace(model)).toBe(model);
    expect(model.rows).toBe(rows);
    const { self: _self, ...rest } = model;
    const { self: _s2, ...expected } = maskDeep(make());
    expect(rest).toEqual(expected);
    expect(model.title).toBe('名单 110105********002X');
    expect((rows[0] as { who: unknown }).who).toBe(rows[1]);
    expect((rows[1] as { phone: string }).phone).toBe('138****5678');
    expect((model.byId as Map<number, unknown>).get(2)).toBe('139****5678');
    expect(model.list).toEqual(['138****5678', ['110105********0021']]);
    expect((rows[0] as { when: Date }).when).toBe(when);
    const kept = make();
    maskInPlace(kept, true);
    expect(kept.title).toBe('名单 11010519491231002X');
  });

  it('the quick check before the patterns never skips text either pattern matches (fractions, ids, phones, IDs, separators)', () => {
    const { ID_LIKE, MOBILE_LIKE, GROUPED_ID, MAYBE_PERSONAL } = MASK_PATTERNS;
    const piece = fc.oneof(
      fc.constantFrom('0.', '.', '-', ' ', '\u3000', '+86', '+', '86', 'X', 'x', ',', '"', '号', '13812345678', '11010519491231002X', '0.9182653960790899', '138-1234-5678', '138.1234.5678', '110101 19900307 1233', '2026-03-10'),
      fc.stringMatching(/^[0-9]{1,20}$/),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      // (A grouped ID is masked only when its digits add up to an ID's: covered by the second check.)
      const matches = new RegExp(ID_LIKE.source).test(text) || new RegExp(MOBILE_LIKE.source).test(text) || (new RegExp(GROUPED_ID.source).test(text) && maskPersonalData(text) !== text);
      if (matches) expect(MAYBE_PERSONAL.test(text)).toBe(true);
      if (!MAYBE_PERSONAL.test(text)) expect(maskPersonalData(text)).toBe(text);
    }), { numRuns: 20000, seed: 18 });
    // A report's rates pass untouched, and cheaply: no personal-looking run in them.
    expect(MAYBE_PERSONAL.test('"rate":0.9182653960790899,"share":0.33333333333333331')).toBe(false);
    expect(maskPersonalData('电话 +86 138-1234-5678，0.9182653960790899')).toBe('电话 +86 138****5678，0.9182653960790899');
  });

  it('numbers written in groups (hunt 2026-12-04): IDs 6-8-4 / 6-4-4-4 with spaces or dashes, phones with full-width spaces or two points', () => {
    expect(maskPersonalData('身份证 110101 19900307 1233')).toBe('身份证 110101********1233');
    expect(maskPersonalData('110101-19900307-123X，110101-1990-0307-1233')).toBe('110101********123X，110101********1233');
    expect(maskPersonalData('手机 １３８　１２３４　５６７８')).toBe('手机 138****5678');
    expect(maskPersonalData('138　1234　5678 或 138.1234.5678')).toBe('138****5678 或 138****5678');
    expect(findPersonalData(maskPersonalData('110101 19900307 1233 138.1234.5678'))).toEqual([]);
    // Not personal: dates, a date range, a rate, a short code, a landline, one decimal number.
    for (const t of ['2026-03-05 至 2026-03-06', '2026-03-05-2026-03-06', '"rate":0.9182653960790899', '编号 110101 2026', '0571-8765-4321', '138.12345678']) expect(maskPersonalData(t)).toBe(t);
    expect(maskJsonText('{"a":"110101 19900307 1233","b":138.12345678}')).toBe('{"a":"110101********1233","b":138.12345678}');
  });

  it('JSON text: strings masked as text is, a phone- or ID-like number becomes a masked string, and it stays JSON', () => {
    const text = JSON.stringify({ a: '电话 13812345678，"引号"\\', n: 13812345678, neg: -13912345678, id: 110105194912310021, f: 0.13812345678901, ids: [1, 2, 1686270], d: '2026-03-10' });
    const masked = maskJsonText(text);
    expect(JSON.parse(masked)).toEqual({ a: '电话 138****5678，"引号"\\', n: '138****5678', neg: '-139****5678', id: maskPersonalData(String(110105194912310021)), f: 0.13812345678901, ids: [1, 2, 1686270], d: '2026-03-10' });
    // The text filter alone would have left a bare 138****5678 in it: not JSON.
    expect(() => JSON.parse(maskPersonalData(text))).toThrow();
    expect(maskJsonText('[1,2,3]')).toBe('[1,2,3]');
    // Any JSON: still JSON, every string masked as maskPersonalData masks it, every other number kept.
    const phoneish = fc.oneof(fc.constant(13812345678), fc.constant(18600001111), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const str = fc.oneof(fc.string(), fc.constantFrom('13812345678', '电话 139-1234-5678', '11010519491231002X', 'a"b\\c 13812345678'));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, str, phoneish, fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(str, tie('v'), { maxKeys: 3 })),
    })).v;
    const masked2 = (v: unknown): unknown => {
      if (typeof v === 'string') return maskPersonalData(v);
      if (typeof v === 'number') { const m = maskPersonalData(JSON.stringify(v)); return m === JSON.stringify(v) ? v : m; }
      if (Array.isArray(v)) return v.map(masked2);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [maskPersonalData(k), masked2(x)]));
      return v;
    };
    fc.assert(fc.property(value, (v) => {
      for (const space of [0, 2]) expect(JSON.parse(maskJsonText(JSON.stringify(v, null, space)))).toEqual(JSON.parse(JSON.stringify(masked2(v))));
    }), { numRuns: 3000, seed: 1803 });
  });

  it('cells: strings and phone-like numbers masked, other values kept; --reveal keeps all', () => {
    expect(maskedCell(13812345678)).toBe('138****5678');
    expect(maskedCell(42)).toBe(42);
    expect(maskedCell('13812345678', true)).toBe('13812345678');
  });
});

describe('PersonalDataFilter (a stream written in pieces)', () => {
  const text = '张三 11010519491231002X 电话 13812345678\n{"phone":"13998765432","id":"110105491231002","rate":0.33333333333333331}\n末尾 13700001111';
  it.each([1, 2, 3, 5, 7, 11, 64])('masks the same whatever the chunk size (%i)', (size) => {
    const f = new PersonalDataFilter();
    let out = '';
    for (let i = 0; i < text.length; i += size) out += f.push(text.slice(i, i + size));
    out += f.flush();
    expect(out).toBe(maskPersonalData(text));
    expect(findPersonalData(out)).toEqual([]);
  });
});

describe('roster headers that name an ID or a phone', () => {
  it.each(['公民身份证号码', '身份证件号码', '证件号码', '身份证号码', '居民身份证号', '公民身份号码'])('%s is the ID field', (h) => expect(fieldForHeader(h)).toBe('idCard'));
  it.each(['移动电话', '办公电话', '电话', '手机号码', '联系电话（手机）'])('%s is the phone field', (h) => expect(fieldForHeader(h)).toBe('phone'));
  it('a second phone column kept as an extra is masked whole; free text has its numbers masked', () => {
    expect(isPersonalNumberHeader('办公电话')).toBe(true);
    expect(shownExtras({ 办公电话: '010-12345678', 家庭住址: '某路1号 电话13912345678', 备注: '无' }, false)).toEqual({ 办公电话: '********5678', 家庭住址: '某路1号 电话139****5678', 备注: '无' });
    expect(shownExtras({ 办公电话: '010-12345678' }, true)).toEqual({ 办公电话: '010-12345678' });
  });
});
