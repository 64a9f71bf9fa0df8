// `shuxiang rules list|show|init|use|calendar`: the rule set a database uses, copied for editing,
// switched only after validation (errors name the file, rule and field), and the working-day overrides.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presetFile } from '../../src/io/ruleSetFile.js';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers, query } from '../helpers/roster.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-07-15' });
const setting = (key: string) => query<{ value: string }>(dir, 'SELECT value FROM settings WHERE key = ?', key)[0]?.value;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }]);
});
afterEach(() => cleanup());

describe('rules list / show', () => {
  it('lists the database rule set; --preset shows another without switching', async () => {
    const r = await run('rules', 'list');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('规则集：学习型党组织（内置规则集 learning-org）');
    expect(r.stdout).toMatch(/L1-books +带头学习·年度自学书目 +班子成员 +每年 +政治理论 ≥ 1、业务 ≥ 1、科学人文 ≥ 1/);
    expect(r.stdout).toMatch(/L1-rate +带头学习·参加率 +班子成员 +每年 +≥ 90%/);
    const o = await run('rules', 'list', '--preset', 'shuxiang-organ');
    expect(o.stdout).toMatch(/S2-reflection +读完撰写心得不少于1500字 +全体人员 +每月 +≥ 1/);
    expect(setting('rules')).toBe('learning-org');
  });

  it('shows one rule with its source, options and note; an unknown id is exit 2', async () => {
    const r = await run('rules', 'show', 'l1-books');
    expect(r.stdout).toContain('出处：“并年内自学1本政治理论书籍、1本业务书籍和1本以上科学人文书籍”');
    // Issue 14: options in words, not raw JSON.
    expect(r.stdout).toContain('设置：书目类别归并：党史计入政治理论');
    const bad = await run('rules', 'show', 'Z1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('规则集“学习型党组织”中没有编号为“Z1”的指标。');
  });

  it('works before there is a database, showing the default', async () => {
    const r = await runCli(['rules', 'list'], { cwd: dir, now: '2026-07-15', env: { SHUXIANG_DB: join(dir, 'none.db') } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('还没有数据库');
  });
});

describe('rules init / use', () => {
  it('copies the current preset; refuses to overwrite; --force and --use record it in one batch', async () => {
    const r = await run('rules', 'init');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, '规则集.json'), 'utf8')).toBe(readFileSync(presetFile('learning-org'), 'utf8'));
    expect(setting('rules')).toBe('learning-org');
    const again = await run('rules', 'init');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已经存在，rules init 不会覆盖它');
    const forced = await run('rules', 'init', '--force', '--use', '--preset', 'shuxiang-organ');
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '规则集.json'), 'utf8')).id).toBe('shuxiang-organ');
    expect(setting('rules')).toBe('规则集.json'); // relative to the database's folder
    expect(query(dir, "SELECT command, changed FROM batches WHERE command LIKE 'rules%'")).toEqual([{ command: 'rules init', changed: 1 }]);
    const audit = JSON.parse((await run('--json', 'audit', '--rule', 'S1-monthly-book')).stdout);
    expect(audit.rules[0].title).toBe('每月阅读不少于1本');
  });

  it('a broken rule file is refused with every error naming the rule and the field; settings stay', async () => {
    await run('rules', 'init', '本局规则.json');
    const file = join(dir, '本局规则.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.rules.find((r: { id: string }) => r.id === 'L1-books').threshold = { 政治理论: '一', 业务: 1 };
    json.rules.find((r: { id: string }) => r.id === 'P2-weekly').period = 'fortnight';
    writeFileSync(file, JSON.stringify(json, null, 2));
    const r = await run('rules', 'use', '本局规则.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`错误：规则集文件 ${file} 有 2 处错误，未能使用：`);
    expect(r.stderr).toContain('  本局规则.json › 规则 L1-books：字段 threshold.政治理论 的取值“一”无效，应为不小于 0 的数字');
    expect(r.stderr).toContain('  本局规则.json › 规则 P2-weekly：字段 period 的取值“fortnight”无效，可选 day/week/month/quarter/half/year');
    expect(setting('rules')).toBe('learning-org');
  });

  it('a file that is not JSON is named with its line and column', async () => {
    writeFileSync(join(dir, '坏.json'), '{\n  "id": "x",\n  "title": "y"\n  "rules": []\n}');
    const r = await run('rules', 'use', '坏.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`规则集文件 ${join(dir, '坏.json')} 不是有效的 JSON（第 4 行第 3 列）。`);
  });

  it('switches to a preset or a file; a rule file broken later stops the audit with exit 2', async () => {
    expect((await run('rules', 'use', 'shuxiang-organ')).stdout).toBe('数据库已改用规则集：书香机关（内置规则集 shuxiang-organ），共 13 项指标。\n');
    expect(setting('rules')).toBe('shuxiang-organ');
    await run('rules', 'init', 'my.json', '--use');
    writeFileSync(join(dir, 'my.json'), readFileSync(join(dir, 'my.json'), 'utf8').replace('"metric": "books-finished"', '"metric": "books-read"'));
    const a = await run('audit');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('my.json › 规则 S1-monthly-book：字段 metric 的取值“books-read”无效');
  });
});

describe('rules calendar', () => {
  it('reports the covered years, takes a valid overrides file, refuses a bad one, and can clear it', async () => {
    const shown = await run('rules', 'calendar');
    expect(shown.stdout).toContain('尚未收录：2027（这些年份按周一至周五计算工作日；可用调整文件补充）');
    writeFileSync(join(dir, 'bad.json'), '{"holidays": ["2027-02-30"]}');
    const bad = await run('rules', 'calendar', 'bad.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('holidays 第 1 项“2027-02-30”不是 YYYY-MM-DD 格式的日期');
    // January 2027 has 21 weekdays (the 1st is a Friday); with 01-01 declared a holiday, 20 working days.
    const p1 = async () => JSON.parse((await runCli(['--json', 'audit', '--member', '张三', '--rule', 'P1-daily'], { cwd: dir, now: '2027-01-05' })).stdout);
    const before = await p1();
    expect(before.verdicts[0].required).toEqual({ hours: 21, noteDays: 21 });
    expect(before.calendarNote).toContain('2027 年的法定节假日数据未收录');
    writeFileSync(join(dir, '2027.json'), '{"holidays": ["2027-01-01"], "workdays": []}');
    expect((await run('rules', 'calendar', '2027.json')).code).toBe(0);
    expect(setting('calendar')).toBe('2027.json');
    const after = await p1();
    expect(after.verdicts[0].required).toEqual({ hours: 20, noteDays: 20 });
    expect(after.calendarNote).toBeUndefined();
    await run('rules', 'calendar', '--clear');
    expect((await p1()).verdicts[0].required).toEqual({ hours: 21, noteDays: 21 });
  });
});
