// Wrapping mixed Chinese and Latin text by display width (src/shared/wrap.ts): breaks between Chinese
// characters as well as at spaces, never inside a Latin word that fits, never before closing punctuation.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/shared/width.js';
import { wrapLine, wrapText } from '../../src/shared/wrap.js';

describe('wrapLine', () => {
  it.each([
    // [line, width, hang, expected lines]
    ['从 Excel/CSV 导入：花名册（默认）、签到表', 20, '', ['从 Excel/CSV 导入：', '花名册（默认）、签到', '表']],
    ['表中没有“所在支部”列时（默认为 init 时的支部）', 30, '', ['表中没有“所在支部”列时（默认为', 'init 时的支部）']],
    ['一二三四五，六七', 10, '', ['一二三四', '五，六七']],
    ['一二三四（五六）', 10, '', ['一二三四', '（五六）']],
    ['写到“原文件名.rejects.xlsx”', 16, '', ['写到“原文件', '名.rejects.xlsx”']],
    ['  --kind  文件类型：roster 花名册', 24, '          ', ['  --kind  文件类型：', '          roster 花名册']],
    ['abc defgh ijk', 8, '', ['abc', 'defgh', 'ijk']],
    ['/a/very/long/path/without/spaces', 10, '', ['/a/very/lo', 'ng/path/wi', 'thout/spac', 'es']],
    ['短', 80, '', ['短']],
    ['', 80, '', ['']],
  ])('%j at %i columns', (line, width, hang, expected) => {
    const lines = wrapLine(line, width, hang);
    expect(lines).toEqual(expected);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
  });

  it('keeps every character and no line starts with closing punctuation', () => {
    const text = '“每个工作日自学 1 小时”按国家法定节假日和调休计算。内置日历来自 chinese-days 数据包；尚未收录的年份按周一至周五计算，达标检查会注明。';
    for (let width = 8; width <= 60; width++) {
      const lines = wrapLine(text, width);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const l of lines) {
        expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(l).not.toMatch(/^[，。、；：！？）”]/);
        expect(l).not.toMatch(/[（“]$/);
      }
    }
  });

  it('wrapText keeps the text\'s own line breaks', () => {
    expect(wrapText('一二三四五六\n\nab', 6)).toBe('一二三\n四五六\n\nab');
  });
});
