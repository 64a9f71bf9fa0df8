// The annual study plan in the database: one row per branch and month (plan_months), and the hand-made
// links from held sessions to their plan month (plan_links). Writes run inside the caller's batch.
import type { HeldSession, PlanForm, PlanMonth } from '../domain/studyPlan.js';
import type { Db } from './db.js';
import { stmt } from './statements.js';

interface PlanRowDb {
  id: number; branch_id: number; month: string; theme: string; form: PlanForm; books: string; cohost: string | null; speaker: string | null;
}

function toPlan(r: PlanRowDb): PlanMonth {
  const p: PlanMonth = { id: r.id, branchId: r.branch_id, month: r.month, theme: r.theme, form: r.form, books: r.books };
  if (r.cohost !== null) p.cohost = r.cohost;
  if (r.speaker !== null) p.speaker = r.speaker;
  return p;
}

/** The plan months of a year (and optionally one branch), in month order. */
export function listPlan(db: Db, year: number, branchId?: number): PlanMonth[] {
  const rows = db.prepare(`SELECT * FROM plan_months WHERE month >= ? AND month < ?${branchId === undefined ? '' : ' AND branch_id = ?'} ORDER BY branch_id, month`)
    .all(`${year}-01`, `${year + 1}-01`, ...(branchId === undefined ? [] : [branchId])) as PlanRowDb[];
  return rows.map(toPlan);
}

/** What an import or `plan init` writes for one month. */
export type PlanInput = Omit<PlanMonth, 'id'>;

/** Adds or updates the month's row; says what happened. */
export function upsertPlanMonth(db: Db, p: PlanInput, batchId: number): 'added' | 'updated' | 'unchanged' {
  const old = stmt(db, 'SELECT * FROM plan_months WHERE branch_id = ? AND month = ?').get(p.branchId, p.month) as PlanRowDb | undefined;
  const vals = [p.theme, p.form, p.books, p.cohost ?? null, p.speaker ?? null];
  if (!old) {
    stmt(db, 'INSERT INTO plan_months (branch_id, month, theme, form, books, cohost, speaker, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(p.branchId, p.month, ...vals, batchId);
    return 'added';
  }
  const same = old.theme === p.theme && old.form === p.form && old.books === p.books && old.cohost === (p.cohost ?? null) && old.speaker === (p.speaker ?? null);
  if (same) return 'unchanged';
  stmt(db, 'UPDATE plan_months SET theme = ?, form = ?, books = ?, cohost = ?, speaker = ? WHERE id = ?').run(...vals, old.id);
  return 'updated';
}

/** Sets the co-host of plan rows (caller holds the batch); returns how many changed. */
export function setCohosts(db: Db, cohosts: Map<number, string>): number {
  let n = 0;
  for (const [id, unit] of cohosts) n += stmt(db, 'UPDATE plan_months SET cohost = ? WHERE id = ? AND cohost IS NOT ?').run(unit, id, unit).changes;
  return n;
}

/** Links a session to a plan row, replacing an earlier link of that session; false when already so. */
export function linkSession(db: Db, sessionId: number, planId: number, batchId: number): boolean {
  const old = stmt(db, 'SELECT plan_id FROM plan_links WHERE session_id = ?').get(sessionId) as { plan_id: number } | undefined;
  if (old?.plan_id === planId) return false;
  if (old) stmt(db, 'UPDATE plan_links SET plan_id = ? WHERE session_id = ?').run(planId, sessionId);
  else stmt(db, 'INSERT INTO plan_links (session_id, plan_id, batch_id) VALUES (?, ?, ?)').run(sessionId, planId, batchId);
  return true;
}

/** The sessions of [from, to) (optionally one branch) with the plan row each is linked to. */
export function heldSessions(db: Db, from: string, to: string, branchId?: number): HeldSession[] {
  const rows = db.prepare(`SELECT s.id, s.branch_id, s.type, s.date, s.topic, pl.plan_id FROM sessions s LEFT JOIN plan_links pl ON pl.session_id = s.id
    WHERE s.date >= ? AND s.date < ?${branchId === undefined ? '' : ' AND s.branch_id = ?'} ORDER BY s.date, s.id`)
    .all(from, to, ...(branchId === undefined ? [] : [branchId])) as { id: number; branch_id: number; type: string; date: string; topic: string; plan_id: number | null }[];
  return rows.map((r) => ({ id: r.id, branchId: r.branch_id, type: r.type, date: r.date, topic: r.topic, ...(r.plan_id !== null ? { planId: r.plan_id } : {}) }));
}
