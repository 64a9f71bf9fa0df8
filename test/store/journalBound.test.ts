// The undo journal is bounded (issue 16): only the newest batches (default 50) within the last days
// (default 90) keep their before-images; older ones stay in history but cannot be undone.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { dropJournal, journalPolicy, prunedThrough } from '../../src/store/journalBound.js';
import { freshDatabaseEachTest, runCli } from '../helpers/cli.js';

const tmp = freshDatabaseEachTest();

const cli = (args: string[], now = '2026-11-22') => runCli(args, { cwd: tmp.dir, now });
const journal = () => {
  const db = openDb(join(tmp.dir, 'shuxiang.db'));
  try {
    return { entries: (db.prepare('SELECT count(*) AS n FROM undo_log').get() as { n: number }).n, through: prunedThrough(db), policy: journalPolicy(db) };
  } finally {
    db.close();
  }
};

describe('the bounded undo journal', () => {
  it('defaults to 50 batches / 90 days; with undoKeepBatches=2 an older batch loses its journal and cannot be undone', async () => {
    expect(journal().policy).toEqual({ batches: 50, days: 90 });
    const db = openDb(join(tmp.dir, 'shuxiang.db'));
    db.prepare("INSERT INTO settings (key, value) VALUES ('undoKeepBatches', '2')").run();
    db.close();
    expect((await cli(['member', 'add', '--name', '赵六', '--phone', '13655556666'])).code).toBe(0);
    expect((await cli(['member', 'edit', '赵六', '--phone', '13655557777'])).code).toBe(0); // journals the old phone
    const edit = journal();
    expect(edit.entries).toBeGreaterThan(0);
    expect((await cli(['member', 'add', '--name', '钱七'])).code).toBe(0);
    expect((await cli(['member', 'add', '--name', '孙八'])).code).toBe(0);
    const after = journal();
    expect(after.through).toBeGreaterThanOrEqual(3); // init, add, edit
    expect(after.entries).toBe(0);
    const r = await cli(['undo', '3', '--yes', '--no-backup']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('撤销记录已按保留期限清除');
  });

  it('a batch older than 90 days loses its journal when the next batch starts', async () => {
    expect((await cli(['member', 'add', '--name', '赵六', '--phone', '13655556666'], '2026-01-05')).code).toBe(0);
    expect((await cli(['member', 'edit', '赵六', '--phone', '13655557777'], '2026-01-06')).code).toBe(0);
    expect(journal().entries).toBeGreaterThan(0);
    expect((await cli(['member', 'add', '--name', '钱七'], '2026-06-01')).code).toBe(0);
    expect(journal().entries).toBe(0);
  });

  it('dropJournal drops it all on purpose', async () => {
    expect((await cli(['member', 'add', '--name', '赵六', '--phone', '13655556666'])).code).toBe(0);
    expect((await cli(['member', 'edit', '赵六', '--phone', '13655557777'])).code).toBe(0);
    const db = openDb(join(tmp.dir, 'shuxiang.db'));
    try {
      expect(dropJournal(db).entries).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    expect(journal().entries).toBe(0);
    expect((await cli(['undo', '--yes', '--no-backup'])).code).toBe(2);
  });
});

describe('history says so, and --prune drops the journal', () => {
  it('history names the bound; --prune then leaves nothing to undo and no old phone in the file', async () => {
    expect((await cli(['member', 'add', '--name', '赵六', '--phone', '13655556666'])).code).toBe(0);
    expect((await cli(['member', 'edit', '赵六', '--phone', '13655557777'])).code).toBe(0);
    const h = await cli(['history']);
    expect(h.stderr).toContain('撤销记录只保留最近 50 次、90 天以内的写入');
    const p = await cli(['history', '--prune']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toMatch(/已清除撤销记录 \d+ 条/);
    expect(journal().entries).toBe(0);
    const { readFileSync, existsSync } = await import('node:fs');
    for (const f of ['shuxiang.db', 'shuxiang.db-wal']) if (existsSync(join(tmp.dir, f))) expect(readFileSync(join(tmp.dir, f)).toString('latin1').includes('13655556666'), f).toBe(false);
    const j = JSON.parse((await cli(['--json', 'history'])).stdout);
    expect(j.journal.prunedThrough).toBeGreaterThan(0);
    expect(j.batches.every((b: { undoable: boolean }) => !b.undoable)).toBe(true);
  });
});
