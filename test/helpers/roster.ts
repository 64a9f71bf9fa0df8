// Puts members straight into a test database through the store (independent of the `member` command).
import { join } from 'node:path';
import { openDb } from '../../src/store/db.js';
import { inBatch } from '../../src/store/batches.js';
import { ensureBranch } from '../../src/store/branches.js';
import { insertMember } from '../../src/store/members.js';

export interface TestMember {
  name: string;
  from?: string;
  left?: string;
  branch?: string;
  leader?: boolean;
}

/** Adds the members (branch 机关第一党支部 unless given) and returns their ids in order. */
export function addMembers(dir: string, list: TestMember[]): number[] {
  const db = openDb(join(dir, 'shuxiang.db'));
  try {
    return inBatch(db, { command: 'test roster', at: '2026-01-01T09:00:00' }, (batchId, counts) =>
      list.map((m) => {
        const b = ensureBranch(db, m.branch ?? '机关第一党支部', batchId, counts);
        counts.added++;
        return insertMember(db, { branchId: b.id, name: m.name, leader: !!m.leader, extra: {}, onRollFrom: m.from, onRollLeft: m.left }, batchId);
      }));
  } finally {
    db.close();
  }
}

/** Runs a read-only query against the test database. */
export function query<T>(dir: string, sql: string, ...args: unknown[]): T[] {
  const db = openDb(join(dir, 'shuxiang.db'));
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}
