// Writes a planned roster import (caller holds the batch transaction).
import type { RosterPlan } from '../domain/rosterPlan.js';
import type { BatchCounts } from './batches.js';
import { ensureBranch } from './branches.js';
import type { Db } from './db.js';
import { addPastTerms, insertMembers, updateMember, type MemberInsert } from './members.js';

/** Applies adds, updates and (sync) leaves; `onRow` is called after each written row (progress, tests). */
export function applyRosterPlan(db: Db, plan: RosterPlan, batchId: number, counts: BatchCounts, importDate: string, onRow?: (n: number) => void): void {
  const branchIds = new Map<string, number>();
  const branchId = (name: string) => {
    let id = branchIds.get(name);
    if (id === undefined) {
      id = ensureBranch(db, name, batchId, counts).id;
      branchIds.set(name, id);
    }
    return id;
  };
  // New members go in with multi-row statements (the fields object is read as it is: branch and
  // leader, which are not columns, are ignored by insertMembers).
  const adds: MemberInsert[] = new Array(plan.adds.length);
  for (let i = 0; i < plan.adds.length; i++) {
    const { draft } = plan.adds[i]!;
    adds[i] = Object.assign(Object.create(draft.fields) as object, { branchId: branchId(draft.branch), leader: draft.leader, extra: draft.extra }) as MemberInsert;
  }
  insertMembers(db, adds, batchId, onRow);
  counts.added += adds.length;
  let n = adds.length;
  for (const u of plan.updates) {
    const patch = { ...u.patch } as Record<string, unknown>;
    if (u.branch) patch.branchId = branchId(u.branch);
    if (u.close) addPastTerms(db, u.member.id, u.close, batchId);
    updateMember(db, u.member.id, patch);
    counts.changed++;
    onRow?.(++n);
  }
  for (const m of plan.leaves) {
    updateMember(db, m.id, { onRollLeft: importDate, ...(m.leader && !m.leaderTo ? { leaderTo: importDate } : {}) });
    counts.changed++;
    onRow?.(++n);
  }
}
