// Managing branches on purpose (`shuxiang branch …`): list them with what hangs on them, add one,
// rename one, merge one into another (everyone and everything moves, one undoable batch), remove an
// empty one. Names arrive resolved (src/cli/args/branch.ts); each write is one batch.
import { branchKey, branchName, matchBranch } from '../../domain/branchMatch.js';
import { UserError } from '../../shared/errors.js';
import { inBatch } from '../../store/batches.js';
import { addBranch, listBranchUse, listBranches, mergeBranch, removeBranch, renameBranch, type Branch, type BranchUse } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { readSettings, writeSettings } from '../../store/settings.js';

/** One row of `branch list`. */
export interface BranchRow extends BranchUse {
  /** The branch `init` named, used when a command is given no --branch. */
  default: boolean;
}

/** Every branch with its members (all, and on the roll today) and sessions; the default one marked. */
export function branchRows(db: Db, today: string): BranchRow[] {
  const def = readSettings(db).defaultBranch;
  return listBranchUse(db, today).map((b) => ({ ...b, default: def !== undefined && branchKey(b.name) === branchKey(def) }));
}

function refuseTaken(db: Db, name: string, except?: number): void {
  const m = matchBranch(name, listBranches(db).filter((b) => b.id !== except));
  if (m.kind === 'one') {
    throw new UserError(`支部“${m.branch.name}”已经有了（编号 #${m.branch.id}）。`, [
      except === undefined ? '不需要再新建；人员可以直接用 --branch 写它。' : `要把两个支部合成一个，请用 shuxiang branch merge 原支部 ${m.branch.name}。`,
    ]);
  }
}

const meta = (command: string, args: string, at: string) => ({ command, args, at });

/** `branch add NAME`: a new branch, refused when one of that name exists. */
export function addBranchCase(db: Db, typed: string, at: string): Branch {
  const name = branchName(typed);
  if (!name) throw new UserError('请写出支部的名称，如 shuxiang branch add 机关第二党支部。');
  refuseTaken(db, name);
  return inBatch(db, meta('branch add', name, at), (batchId, counts) => {
    counts.added++;
    return addBranch(db, name, batchId);
  });
}

/** `branch rename OLD NEW`: everyone stays; the default branch setting follows the new name. */
export function renameBranchCase(db: Db, branch: Branch, typed: string, at: string): { from: string; to: string } {
  const to = branchName(typed);
  if (!to) throw new UserError('请写出新的支部名称。');
  if (to === branch.name) return { from: branch.name, to };
  refuseTaken(db, to, branch.id);
  inBatch(db, meta('branch rename', `${branch.name} → ${to}`, at), (_batchId, counts) => {
    renameBranch(db, branch.id, to);
    if (readSettings(db).defaultBranch === branch.name) writeSettings(db, { defaultBranch: to });
    counts.changed++;
  });
  return { from: branch.name, to };
}

/** What a merge moved. */
export interface MergeOutcome {
  from: string;
  into: string;
  members: number;
  sessions: number;
  planMonths: number;
}

/** `branch merge A B`: everyone and everything of A into B, A removed, in one undoable batch. */
export function mergeBranchCase(db: Db, from: Branch, into: Branch, at: string): MergeOutcome {
  if (from.id === into.id) throw new UserError(`“${from.name}”和“${into.name}”是同一个支部，不需要合并。`);
  const moved = inBatch(db, meta('branch merge', `${from.name} → ${into.name}`, at), (_batchId, counts) => {
    const m = mergeBranch(db, from.id, into.id);
    if (readSettings(db).defaultBranch === from.name) writeSettings(db, { defaultBranch: into.name });
    counts.changed += Object.values(m).reduce((s, n) => s + n, 0);
    counts.removed++;
    return m;
  });
  return { from: from.name, into: into.name, members: moved.members ?? 0, sessions: moved.sessions ?? 0, planMonths: moved.plan_months ?? 0 };
}

/** `branch remove NAME`: only a branch nobody and nothing belongs to, and not the default one. */
export function removeBranchCase(db: Db, branch: Branch, today: string, at: string): void {
  const row = branchRows(db, today).find((b) => b.id === branch.id)!;
  const others = listBranches(db).filter((b) => b.id !== branch.id);
  if (row.members || row.sessions) {
    throw new UserError(`支部“${branch.name}”还有 ${row.members} 人、${row.sessions} 次活动，不能删除。`, [
      others.length ? `要把它并入另一个支部，请用 shuxiang branch merge ${branch.name} ${others[0]!.name}（可用 shuxiang undo 撤销）。` : '这是唯一的支部，不能删除；可以用 shuxiang branch rename 改名。',
    ]);
  }
  if (row.default) {
    throw new UserError(`支部“${branch.name}”是默认支部（不写 --branch 时用它），不能删除。`, ['可以用 shuxiang branch rename 改名，或先把其他支部并入它。']);
  }
  inBatch(db, meta('branch remove', branch.name, at), (_batchId, counts) => {
    removeBranch(db, branch.id);
    counts.removed++;
  });
}
