// Two shuxiang at once never plan the same inserts (issue 16): a writable connection takes SQLite's write
// lock (BEGIN IMMEDIATE) as soon as it is opened, so whatever a command reads to plan its write — the
// roster it matches against, the ID already registered, the session already there — is read inside the
// write transaction, for every importer and every read-then-write command, without any command having to
// remember it. Each batch commits when done and the lock is taken again for what follows. A prompt lets
// the lock go while the user thinks; taken back, a database changed meanwhile makes the command start
// over (StalePlan, caught by main.ts), so nothing is written from a plan read before someone else's write.
import type { Db } from './dbConnect.js';

/** Thrown when the database changed while the lock was let go (a prompt): main.ts runs the command again. */
export class StalePlan extends Error {
  constructor() {
    super('the database changed while the write lock was released');
    this.name = 'StalePlan';
  }
}

/** Connections holding the planning lock, with the data_version seen when it was last let go. */
const held = new WeakSet<Db>();
const released = new WeakMap<Db, number>();

/** Takes the write lock for planning (waits up to the busy timeout for another writer to finish). */
export function holdPlanLock(db: Db): void {
  if (db.readonly || db.inTransaction) return;
  db.exec('BEGIN IMMEDIATE');
  held.add(db);
}

/** True when `db` plans under the lock (its writes then run as savepoints and commit through inWrite). */
export function planLocked(db: Db): boolean {
  return held.has(db) && db.inTransaction;
}

/** Runs a write of `fn` in one transaction: under the planning lock as a savepoint that is committed at
 * once (then the lock is taken again), otherwise as BEGIN IMMEDIATE. */
export function inWrite<T>(db: Db, fn: () => T): T {
  if (!planLocked(db)) return db.transaction(fn).immediate();
  const result = db.transaction(fn)();
  try {
    db.exec('COMMIT');
  } catch (e) {
    // A deferred foreign key failing at commit leaves the transaction open: take it back whole.
    if (db.inTransaction) db.exec('ROLLBACK');
    db.exec('BEGIN IMMEDIATE');
    throw e;
  }
  db.exec('BEGIN IMMEDIATE');
  return result;
}

/** Lets the lock go (a prompt is about to wait for the user); what was written so far is committed. */
export function releasePlanLock(db: Db): void {
  if (!planLocked(db)) return;
  db.exec('COMMIT');
  released.set(db, db.pragma('data_version', { simple: true }) as number);
}

/** Takes the lock back after a prompt; throws StalePlan when another connection wrote meanwhile. */
export function retakePlanLock(db: Db): void {
  const before = released.get(db);
  if (before === undefined || !held.has(db) || db.inTransaction || !db.open) return;
  released.delete(db);
  db.exec('BEGIN IMMEDIATE');
  if ((db.pragma('data_version', { simple: true }) as number) !== before) throw new StalePlan();
}

/** Ends the planning transaction: committed when the command succeeded, rolled back otherwise. */
export function endPlanLock(db: Db, commit: boolean): void {
  if (!db.open || !db.inTransaction) return;
  db.exec(commit ? 'COMMIT' : 'ROLLBACK');
}
