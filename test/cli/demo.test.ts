// `shuxiang demo`: a sample roster, a database made as init makes one, the roster imported, next steps.
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { listMembers } from '../../src/store/members.js';
import { readSettings } from '../../src/store/settings.js';
import { runCli, tempDir } from '../helpers/cli.js';

function membersIn(dbFile: string) {
  const db = openDb(dbFile);
  try {
    return { members: listMembers(db), settings: readSettings(db) };
  } finally {
    db.close();
  }
}

describe('demo', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('prints the headline, the roster and what to try next', async () => {
    const r = await runCli(['demo'], { cwd: dir });
    expect(r.stderr).not.toContain('错误');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('示例数据已准备好：示范市财政局机关 · 机关第一党支部（2026 年度）');
    expect(lines[1]).toMatch(/^花名册 25 人，班子成员 5 人，预备党员 2 人；/);
    expect(r.stdout).toContain('阿依古丽·买买提');
    expect(r.stdout).toMatch(/1\d\d\*{4}\d{4}/);
    expect(r.stdout).not.toMatch(/1\d{10}/);
    expect(r.stdout).toContain('shuxiang member list --db shuxiang-demo/shuxiang.db');
    expect(r.stdout).toContain('shuxiang template roster');
    expect(r.stderr).toContain('[1/');
  });

  it('creates the folder with a 0600 database holding the 25 members and the settings', async () => {
    const r = await runCli(['demo'], { cwd: dir });
    expect(r.code).toBe(0);
    const dbFile = join(dir, 'shuxiang-demo', 'shuxiang.db');
    expect(statSync(dbFile).mode & 0o777).toBe(0o600);
    // every connection closed, the writer last: the WAL is checkpointed, so copying shuxiang.db alone loses nothing
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    const { members, settings } = membersIn(dbFile);
    expect(members).toHaveLength(25);
    expect(members.filter((m) => m.leader)).toHaveLength(5);
    expect(settings).toMatchObject({ organ: '示范市财政局机关', year: '2026', rules: 'learning-org', defaultBranch: '机关第一党支部' });
  });

  it('lists the 25 members through member list', async () => {
    await runCli(['demo'], { cwd: dir });
    const r = await runCli(['member', 'list', '--all', '--json', '--db', 'shuxiang-demo/shuxiang.db'], { cwd: dir });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; leader: boolean }[];
    expect(list).toHaveLength(25);
    expect(list.filter((m) => m.leader)).toHaveLength(5);
  });

  it('writes the sample roster with the template layout, numbered rows and no example row', async () => {
    await runCli(['demo'], { cwd: dir });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'shuxiang-demo', '示例花名册.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '填表说明']);
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.getCell('A1').value).toBe('机关第一党支部党员花名册');
    expect(ws.getCell('A3').value).toBe('序号');
    expect(ws.getCell('A4').value).toBe('1');
    expect(ws.getCell('A28').value).toBe('25');
    expect(ws.getCell('B28').value).not.toBeNull();
  });

  it('can be run again: the old demo database is replaced, not added to', async () => {
    expect((await runCli(['demo', '示例'], { cwd: dir })).code).toBe(0);
    const second = await runCli(['demo', '示例'], { cwd: dir });
    expect(second.stderr).not.toContain('错误');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('--db 示例/shuxiang.db');
    expect(membersIn(join(dir, '示例', 'shuxiang.db')).members).toHaveLength(25);
    expect(existsSync(join(dir, '示例', 'shuxiang.db-wal'))).toBe(false);
  });

  it('refuses to replace a database it did not make', async () => {
    const mine = join(dir, 'work');
    mkdirSync(mine);
    writeFileSync(join(mine, 'shuxiang.db'), 'precious');
    const r = await runCli(['demo', 'work'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是 shuxiang demo 生成的');
    expect(readFileSync(join(mine, 'shuxiang.db'), 'utf8')).toBe('precious');
  });

  it('leaves the database named by --db alone', async () => {
    const r = await runCli(['--db', 'mine.db', 'demo'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'mine.db'))).toBe(false);
  });

  it('prints one JSON object with --json', async () => {
    const r = await runCli(['--json', 'demo'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ organ: '示范市财政局机关', branch: '机关第一党支部', year: 2026, members: 25, leaders: 5, probationary: 2 });
    expect(j.db).toBe(join(dir, 'shuxiang-demo', 'shuxiang.db'));
  });

  it('has Chinese help with examples', async () => {
    const r = await runCli(['demo', '--help'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('示例：\n  shuxiang demo\n');
    expect(r.stdout.endsWith('\n')).toBe(true);
  });
});

describe('demo on any day of the year (hunt 2026-12-04)', () => {
  it('records nothing after today: its own doctor passes early in the year too', async () => {
    const { dir: d, cleanup: done } = tempDir();
    try {
      for (const now of ['2026-02-10', '2026-05-20']) {
        const sub = `d${now}`;
        expect((await runCli(['demo', sub, '-q'], { cwd: d, now })).code).toBe(0);
        const doc = await runCli(['--db', `${sub}/shuxiang.db`, 'doctor'], { cwd: d, now });
        expect(doc.code, doc.stdout).toBe(0);
      }
    } finally {
      done();
    }
  }, 120_000);
});
