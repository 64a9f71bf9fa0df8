// Help laid out for Chinese at the terminal's width (issue 19): golden files for three commands at 80 and
// 120 columns, no line wider than the terminal by display width, no Chinese phrase broken at a space
// while the line still had room; typos get a Chinese suggestion; --version is package.json's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Help } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminalWidth } from '../../src/cli/helpFormat.js';
import { packageVersion } from '../../src/cli/programBase.js';
import { displayWidth } from '../../src/shared/width.js';
import { runCli, tempDir } from '../helpers/cli.js';

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
const CLOSING = '，。、；：！？）》」』】”’';

const LATIN = /[^\s\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/**
 * The first unbreakable piece of a continuation line: a Chinese character with the closing marks and the
 * Latin word glued to it (`名.xlsx”`), a placeholder (`{{期间}}、`), or a Latin word.
 */
function firstPiece(text: string): string {
  const placeholder = new RegExp(`^\\{\\{[^}]*\\}\\}[${CLOSING}]*`).exec(text);
  if (placeholder) return placeholder[0];
  const cjk = new RegExp(`^${CJK.source}(?:[${CLOSING}]|[.,;:!?)\\]}]${LATIN.source}*)*`).exec(text);
  return cjk ? cjk[0] : new RegExp(`^${LATIN.source}+`).exec(text)![0];
}

/**
 * Places where a wrapped line was broken although the next line's first piece would still have fitted —
 * commander's way with Chinese, which it breaks only at spaces. A continuation line is one hung deeper than
 * the line before, or an unindented line after one that does not end a sentence.
 */
function earlyBreaks(help: string, width: number): string[] {
  const lines = help.split('\n');
  const found: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (!a.trim() || !b.trim() || /[。！？：:]$/.test(a)) continue;
    const aIndent = a.length - a.trimStart().length;
    const bIndent = b.length - b.trimStart().length;
    if (!(bIndent > aIndent || (aIndent === 0 && bIndent === 0))) continue;
    const piece = firstPiece(b.trimStart());
    const joint = CJK.test(a.slice(-1)) && CJK.test(piece[0]!) ? 0 : 1;
    if (displayWidth(a) + joint + displayWidth(piece) <= width) found.push(`${a}⏎${b}`);
  }
  return found;
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('help at the terminal width', () => {
  it.each([
    ['import', 80], ['import', 120],
    ['report', 80], ['report', 120],
    ['rules calendar', 80], ['rules calendar', 120],
  ] as const)('shuxiang %s --help at %i columns', async (command, width) => {
    const r = await runCli([...command.split(' '), '--help'], { cwd: dir, env: { COLUMNS: String(width) } });
    expect(r.code).toBe(0);
    const tooWide = r.stdout.split('\n').filter((l) => displayWidth(l) > width);
    expect(tooWide).toEqual([]);
    expect(earlyBreaks(r.stdout, width)).toEqual([]);
    await expect(r.stdout).toMatchFileSnapshot(join('golden', `help-${command.replace(' ', '-')}-${width}.txt`));
  });

  it('the check above catches commander\'s own wrapping of a Chinese description', () => {
    const help = new Help();
    help.displayWidth = displayWidth;
    const wrapped = help.boxWrap('表中没有“所在支部”列时，这些人属于哪个支部（默认为 init 时的支部）', 58);
    expect(earlyBreaks(`  --branch <支部>   ${wrapped.replace('\n', '\n                    ')}`, 80)).toHaveLength(1);
  });

  it('takes the width from COLUMNS, else from the terminal, else 80', () => {
    expect(terminalWidth({ isTTY: true, columns: 100 }, { COLUMNS: '120' })).toBe(120);
    expect(terminalWidth({ isTTY: true, columns: 100 }, {})).toBe(100);
    expect(terminalWidth({ isTTY: false, columns: 100 }, {})).toBe(80);
    expect(terminalWidth({}, { COLUMNS: 'wide' })).toBe(80);
  });

  it('a narrow terminal still gets every line within its width', async () => {
    const r = await runCli(['--help'], { cwd: dir, env: { COLUMNS: '50' } });
    expect(r.stdout.split('\n').filter((l) => displayWidth(l) > 50)).toEqual([]);
  });
});

describe('typos and --version', () => {
  it.each([
    [['memebr', 'list'], '不认识的命令 memebr\n是不是 member？'],
    [['member', 'lsit'], '不认识的命令 lsit\n是不是 list？'],
    [['audit', '--jsno'], '不认识的选项 --jsno\n是不是 --json？'],
  ])('shuxiang %j suggests the nearest in Chinese', async (args, said) => {
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：${said}\n请运行 shuxiang --help 或 shuxiang <命令> --help 查看用法。\n`);
  });

  it('--version prints package.json\'s version', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(packageVersion(new URL('file:///nonexistent/package.json'))).toMatch(/^未知/);
  });
});
