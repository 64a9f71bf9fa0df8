// The one day-flag parser (src/cli/args/dates.ts): the forms a secretary types are read as the same day,
// and every bad value gets the same wording naming the flag — whichever command it was typed after.
import { describe, expect, it } from 'vitest';
import { dayFlag, dayFlagOr } from '../../src/cli/args/dates.js';
import { UserError } from '../../src/shared/errors.js';

function failure(flag: string, raw: string): string {
  try {
    dayFlag(flag, raw);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return [(e as UserError).message, ...(e as UserError).details].join(' / ');
  }
  throw new Error(`${raw} was accepted`);
}

describe('dayFlag', () => {
  it.each(['2026-03-01', '2026/3/1', '2026.3.1', '2026年3月1日', '２０２６－０３－０１', ' 2026-3-1 ', '20260301',
    '2026-03-01 14:30', '2026/3/1 9:00:00', '2026-03-01T08:00:00Z', '2026年3月1日 下午2:30', '2026年3月1日14时30分'])('reads %s as 2026-03-01', (raw) => {
    expect(dayFlag('--date', raw)).toBe('2026-03-01');
  });

  it('says the flag, the value, why, and the form to write, in one wording', () => {
    expect(failure('--as-of', '2026-13-01')).toMatch(/^--as-of 的取值“2026-13-01”不是有效日期：.+。 \/ 请写成 2026-03-01 这样的“年-月-日”格式。$/);
    expect(failure('--date', '2026-02-30')).toBe('--date 的取值“2026-02-30”不是有效日期：“2026-02-30”不是真实存在的日期。 / 请写成 2026-03-01 这样的“年-月-日”格式。');
    expect(failure('--from', '三月')).toMatch(/^--from 的取值“三月”不是有效日期：/);
  });

  it('refuses a month alone', () => {
    expect(failure('--from', '2026-03')).toBe('--from 的取值“2026-03”只写到了月份，这里需要具体到哪一天。 / 请写成 2026-03-01 这样的“年-月-日”格式。');
  });

  it('falls back only when the flag is absent', () => {
    expect(dayFlagOr('--date', undefined, '2026-12-01')).toBe('2026-12-01');
    expect(dayFlagOr('--date', '2026-3-2', '2026-12-01')).toBe('2026-03-02');
    expect(() => dayFlagOr('--date', '', '2026-12-01')).toThrow(UserError);
  });
});
