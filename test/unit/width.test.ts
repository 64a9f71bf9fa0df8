// The terminal width table in src/shared/width.ts (issue 7: one module instead of get-east-asian-width's
// four at start-up) must agree with get-east-asian-width on every code point.
import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { codePointWidth, displayWidth, padDisplay } from '../../src/shared/width.js';

describe('display width', () => {
  it('gives every code point the width get-east-asian-width gives it', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (codePointWidth(cp) !== eastAsianWidth(cp) && wrong.length < 10) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('counts CJK as two columns, skips colour codes, controls and combining marks', () => {
    expect(displayWidth('党支部ab')).toBe(8);
    expect(displayWidth('\u001b[31m错误\u001b[39m：x')).toBe(7);
    expect(displayWidth('e\u0301\u200b\t')).toBe(1);
    expect(displayWidth('😀Ａ')).toBe(4);
    expect(padDisplay('张三', 6)).toBe('张三  ');
    expect(padDisplay('7', 3, 'right')).toBe('  7');
  });
});
