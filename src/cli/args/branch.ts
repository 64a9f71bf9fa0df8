// The one branch resolver: every --branch (and --move-to) flag goes through here. A name is found
// exactly (spaces and full-width forms aside) or it is an error with the nearest branches — never a new
// branch; only --new-branch, `branch add` and a roster's 所在支部 column create one.
import { branchName, matchBranch, unknownBranchText } from '../../domain/branchMatch.js';
import { UserError } from '../../shared/errors.js';
import { listBranches, type Branch } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { readSettings } from '../../store/settings.js';

/** The branch named by a flag, or an error with the nearest names and how to create one on purpose. */
export function requireBranch(db: Db, name: string, flag = '--branch', canCreate = false): Branch {
  const all = listBranches(db);
  const m = matchBranch(name, all);
  if (m.kind === 'one') return m.branch;
  const t = unknownBranchText(flag, name.trim(), m.suggestions, all, canCreate);
  throw new UserError(t.message, t.hints);
}

/** The branch named by --branch, else the default branch from init, else the only one. */
export function resolveBranch(db: Db, name?: string, flag = '--branch'): Branch {
  if (name?.trim()) return requireBranch(db, name, flag);
  const all = listBranches(db);
  const wanted = readSettings(db).defaultBranch;
  const def = wanted ? matchBranch(wanted, all) : undefined;
  if (def?.kind === 'one') return def.branch;
  if (all.length === 1) return all[0]!;
  throw new UserError(`数据库中有多个支部，请用 ${flag} 指定是哪一个。`, [`已有的支部：${all.map((x) => x.name).join('、') || '（无）'}`]);
}

/** Where a member is written: an existing branch, or (with --new-branch) a new name to create. */
export function branchToWrite(db: Db, name: string, flag: string, newBranch: boolean): { branch: Branch } | { create: string } {
  const all = listBranches(db);
  const m = matchBranch(name, all);
  if (m.kind === 'one') return { branch: m.branch };
  if (newBranch) return { create: branchName(name) };
  const t = unknownBranchText(flag, name.trim(), m.suggestions, all, true);
  throw new UserError(t.message, t.hints);
}
