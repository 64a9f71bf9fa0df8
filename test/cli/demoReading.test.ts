// The demo's reading room, plan and ranking: the demo prints them, and the commands it suggests work on
// the demo database (overdue books, the plan's February gap, the ranking with certificates).
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
let demoOut: string;
const db = ['--db', 'shuxiang-demo/shuxiang.db'];
const run = (...args: string[]) => runCli([...args, ...db], { cwd: dir, now: '2026-11-22' });

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const r = await runCli(['demo'], { cwd: dir, now: '2026-11-22' });
  expect(r.code).toBe(0);
  demoOut = r.stdout;
});
afterAll(() => cleanup());

describe('demo reading room, plan and ranking', () => {
  it('prints the reading room, the plan gap and the top of the ranking', () => {
    expect(demoOut).toContain('图书角：9 种书，书记荐书 3 本，2026 年必学书目 4 本；借出未还 3 册，其中逾期');
    expect(demoOut).toContain('未开展：2026 年 2 月「全面从严治党新要求」（读书会，预算处承办）');
    expect(demoOut).toMatch(/年终评比（书香之星，前 5 名）：1\. \S+ [\d.]+ 分/);
    expect(demoOut).toContain('shuxiang rank --year 2026 --docx --db shuxiang-demo/shuxiang.db');
  });

  it('the suggested commands work on the demo database', async () => {
    const overdue = JSON.parse((await run('--json', 'books', 'overdue')).stdout);
    expect(overdue.overdue).toHaveLength(2);
    const plan = JSON.parse((await run('--json', 'plan', 'show', '--year', '2026')).stdout);
    expect(plan).toMatchObject({ held: 10, gaps: 1, future: 1 });
    const rank = await run('rank', '--year', '2026', '--docx', 'stars.docx');
    expect(rank.code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'stars.docx')))).file('word/document.xml')!.async('string');
    expect(xml.match(/荣 誉 证 书/g)).toHaveLength(10);
    expect(xml).toContain('示范市财政局机关');
  });
});
