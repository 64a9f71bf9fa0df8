// doctor: named checks with fixes; exit 0 when healthy, 1 when something needs attention — including on
// a damaged file, which it examines instead of crashing.
import Database from 'better-sqlite3';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
const cli = (args: string[]) => runCli(args, { cwd: dir, now: '2026-11-22' });
const raw = (sql: string) => {
  const db = new Database(join(dir, 'shuxiang.db'));
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
};
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  await cli(['member', 'add', '--name', '张三', '--from', '2026-03-01']);
});
afterEach(() => cleanup());

describe('doctor', () => {
  it('passes a healthy database: every check listed, exit 0', async () => {
    const r = await cli(['doctor']);
    expect(r.code, r.stdout).toBe(0);
    for (const t of ['文件完整性', '文件权限', '数据结构版本', '关联完整', '孤立', '人员日期', '今天以后', '应到名单', '在册期间', '当天所在的支部']) expect(r.stdout).toContain(t);
    expect(r.stdout).toContain('全部通过');
    const j = JSON.parse((await cli(['--json', 'doctor'])).stdout);
    expect(j.ok).toBe(true);
    expect(j.checks).toHaveLength(10); // issue 14 added the future-dated check, issue 18 the sign-ins of people not expected and of movers at the other branch
  });

  it('finds loose permissions, impossible dates, records off the roll and broken references — with fixes, exit 1', async () => {
    chmodSync(join(dir, 'shuxiang.db'), 0o644);
    raw(`UPDATE members SET birth_date = '2030-01-01', join_party_date = '2029-05-01' WHERE name = '张三';
         INSERT INTO self_study (member_id, date, hours, content, notes) VALUES (1, '2026-01-05', 1, '', 0);
         INSERT INTO self_study (member_id, date, hours, content, notes) VALUES (99, '2026-04-05', 1, '', 0);`);
    const r = await cli(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('shuxiang.db 的权限是 0644');
    expect(r.stdout).toContain('chmod 600');
    expect(r.stdout).toContain('张三（编号 #1）：出生日期 2030-01-01 在今天之后');
    expect(r.stdout).toContain('张三（编号 #1）有 1 条自学记录（2026-01-05）不在在册期间（2026-03-01 起）');
    expect(r.stdout).toContain('self_study 第 2 行指向的 members 记录不存在');
    expect(r.stdout).toMatch(/改法：/);
    expect(r.stdout).toContain('发现 4 项需要处理');
    const j = JSON.parse((await cli(['--json', 'doctor'])).stdout);
    expect(j.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { id: string }) => c.id).sort()).toEqual(['evidence-on-roll', 'foreign-keys', 'member-dates', 'permissions']);
  });

  it('finds sign-ins of people on the roll but not expected (a committee meeting, named people): they count for nobody', async () => {
    await cli(['member', 'add', '--name', '李四', '--from', '2026-01-01']);
    await cli(['member', 'add', '--name', '王五', '--from', '2026-01-01', '--leader']);
    // Sessions for named people and for the committee; sign-ins written past the checks (an old import).
    raw(`INSERT INTO sessions (id, branch_id, type, date, topic, attendees) VALUES (7, 1, 'collective-study', '2026-05-08', 'A', 'named'), (8, 1, 'collective-study', '2026-06-05', 'B', 'leaders'), (9, 1, 'collective-study', '2026-07-03', 'C', 'all');
         INSERT INTO session_attendees (session_id, member_id) VALUES (7, 1);
         INSERT INTO attendance (session_id, member_id, status) VALUES (7, 1, 'present'), (7, 2, 'present'), (8, 3, 'present'), (8, 1, 'late'), (8, 2, 'absent'), (9, 2, 'present');`);
    const r = await cli(['doctor']);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toContain('7 号活动（2026-05-08，应到指定人员）有 1 人不在应到名单上却有签到：李四（编号 #2）；这些签到不计入任何考核');
    expect(r.stdout).toContain('8 号活动（2026-06-05，应到当天的支委）有 2 人不在应到名单上却有签到：张三（编号 #1）、李四（编号 #2）');
    expect(r.stdout).not.toContain('9 号活动');
    expect(r.stdout).toContain('session edit 编号 --attendees');
    const j = JSON.parse((await cli(['--json', 'doctor'])).stdout);
    expect(j.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { id: string }) => c.id)).toEqual(['signin-expected']);
  });

  it('reports a database from a newer version instead of refusing to look', async () => {
    raw('PRAGMA user_version = 99');
    const r = await cli(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('数据库的数据结构版本是 99，比本程序新');
  });

  it('examines a damaged file without a stack trace', async () => {
    const f = join(dir, 'shuxiang.db');
    const bytes = readFileSync(f);
    for (let i = 4096; i < bytes.length; i += 97) bytes[i] = 0xff;
    writeFileSync(f, bytes);
    const r = await cli(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ 文件完整性/);
    expect(r.stdout).toContain('shuxiang restore');
    expect(r.stderr).not.toMatch(/内部错误|\n\s+at /);
  });

  it('names a missing database file (exit 2)', async () => {
    const r = await runCli(['--db', 'nope.db', 'doctor'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到数据库文件');
  });
});

describe('doctor on an empty file (hunt 2026-12-04)', () => {
  it('a 0-byte database is said to be empty, not a version-0 database to back up', async () => {
    const { dir: d, cleanup: done } = tempDir();
    try {
      writeFileSync(join(d, 'shuxiang.db'), '');
      chmodSync(join(d, 'shuxiang.db'), 0o600);
      const r = await runCli(['doctor'], { cwd: d, now: '2026-05-20' });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/✗ 文件完整性\s+.*是空文件（0 字节），不是 shuxiang 的数据库/);
      expect(r.stdout).not.toMatch(/数据结构版本是 0|no such table/);
    } finally {
      done();
    }
  });
});
