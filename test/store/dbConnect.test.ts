// dbConnect.ts carries the schema version as a constant so that opening an up-to-date database does not
// load the migrations (issue 7): it must equal the version the migrations end at, and a database of
// another version must still go through the migrations' check when a command opens it.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA } from '../../src/store/dbConnect.js';
import { SCHEMA_VERSION } from '../../src/store/migrations/index.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('opening the database', () => {
  it('knows the schema version the migrations end at', () => {
    expect(CURRENT_SCHEMA).toBe(SCHEMA_VERSION);
  });

  it('still checks the version when a command opens a database whose version differs', async () => {
    const { dir, cleanup } = tempDir('shuxiang-dbconnect-');
    try {
      const db = join(dir, 'newer.db');
      expect((await runCli(['--db', db, 'init', '--organ', '机关', '--branch', '一支部', '--yes'], { cwd: dir })).code).toBe(0);
      const raw = new Database(db);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      const r = await runCli(['--db', db, 'member', 'list'], { cwd: dir });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('由更新版本的 shuxiang 创建');
    } finally {
      cleanup();
    }
  });
});
