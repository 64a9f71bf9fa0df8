// Issue 14, "Chinese everywhere the user reads": every select prompt's key hints (init, log book), the
// tables `import --kind json` lists, `rules show`'s metric and options, and rule texts that name the real
// source document. `export --json` keeps its English keys (it is for programs), as the README says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, tempDir } from '../helpers/cli.js';
import { cliAt } from '../helpers/cliAt.js';
import { addMembers } from '../helpers/roster.js';
import { KEY, runTty } from '../helpers/tty.js';

let dir: string;
let cleanup: () => void;
const { run, ok } = cliAt(() => dir, '2026-03-15');
const ROOT = join(import.meta.dirname, '..', '..');

beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('select prompts show Chinese key hints', () => {
  it('init: the rule-set select says ↑↓ 移动 • 回车 确定, never navigate/select', async () => {
    const t = runTty(['init', '--organ', '市财政局机关', '--branch', '机关第一党支部', '--year', '2026'], { cwd: dir, now: '2026-03-15' });
    await t.step('选择规则集', KEY.enter);
    const r = await t.done;
    expect(r.code).toBe(0);
    expect(t.screen()).toContain('↑↓ 移动 • 回车 确定');
    expect(t.screen()).not.toMatch(/navigate|⏎ select/);
    expect(r.stdout).toContain('规则集：学习型党组织（learning-org）');
  });

  it('log book: the category select says the same', async () => {
    await initDb(dir);
    addMembers(dir, [{ name: '张三', from: '2026-01-01' }]);
    const t = runTty(['log', 'book', '--member', '张三', '--title', '之江新语', '--author', '习近平', '--finished', '2026-03-01'], { cwd: dir, now: '2026-03-15' });
    await t.step('ISBN', KEY.enter);
    await t.step('类别', KEY.enter);
    await t.step('开始阅读', KEY.enter);
    const r = await t.done;
    expect(r.code, r.stderr).toBe(0);
    expect(t.screen()).toContain('↑↓ 移动 • 回车 确定');
    expect(t.screen()).not.toMatch(/navigate|⏎ select/);
  });
});

describe('messages name tables, metrics and documents in Chinese', () => {
  it('import --kind json lists every table by its Chinese name', async () => {
    await initDb(dir);
    addMembers(dir, [{ name: '张三', from: '2026-01-01' }]);
    await ok('log', 'self-study', '--member', '张三', '--hours', '1', '--date', '2026-03-10');
    await ok('log', 'exam', '--member', '张三', '--name', '理论考试', '--date', '2026-03-11', '--score', '90');
    await ok('log', 'exchange', '--member', '张三', '--date', '2026-03-12', '--book', '之江新语');
    await ok('export', '--json', 'e.json');
    const r = await ok('--db', 'copy.db', 'import', '--kind', 'json', 'e.json');
    for (const label of ['人员 已新增 1', '自学 已新增 1', '考试 已新增 1', '读书交流 已新增 1', '设置已新增']) expect(r.stdout).toContain(label);
    expect(r.stdout).not.toMatch(/self_study|exams|exchanges|branches/);
  });

  it('rules show ID: the metric by name and its options in words, not ids or JSON', async () => {
    await initDb(dir);
    const r = await ok('rules', 'show', 'L1-monthly');
    expect(r.stdout).toContain('指标：参加的学习活动次数');
    expect(r.stdout).toContain('设置：计入的活动类型：集中学习');
    expect(r.stdout).not.toMatch(/sessions-attended|collective-study|\["|\{"/);
    const books = await ok('rules', 'show', 'L1-books');
    expect(books.stdout).toContain('设置：书目类别归并：党史计入政治理论');
    // --json is for programs and keeps the ids.
    expect(JSON.parse((await ok('--json', 'rules', 'show', 'L1-monthly')).stdout)).toMatchObject({ metric: 'sessions-attended', options: { sessionTypes: ['collective-study'] } });
  });

  it('rule texts name the real documents, never “种子文件”', async () => {
    await initDb(dir);
    for (const preset of ['learning-org', 'shuxiang-organ']) {
      const file = readFileSync(join(ROOT, 'templates', 'rules', `${preset}.json`), 'utf8');
      expect(file).not.toContain('种子文件');
      const shown = (await ok('rules', 'show', '--preset', preset)).stdout;
      expect(shown).not.toContain('种子文件');
    }
    expect((await ok('rules', 'show')).stdout).toContain('出自《学习型党组织建设工作安排意见》');
    expect((await ok('rules', 'show', '--preset', 'shuxiang-organ')).stdout).toContain('出自《关于创建X镇“书香”机关的实施方案》');
    expect((await ok('rules', 'show', 'B4-red-base')).stdout).toContain('郴州市委办公室提供的“读书会”案例文稿');
  });

  it('export --json keeps English keys, and the README says it does', async () => {
    await initDb(dir);
    await ok('export', '--json', 'e.json');
    const doc = JSON.parse(readFileSync(join(dir, 'e.json'), 'utf8'));
    expect(doc).toMatchObject({ format: 'shuxiang-export' });
    expect(Object.keys(doc.tables)).toContain('members');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/`export --json` 的文件是给程序读的：表名和字段名保持英文/);
  });
});
