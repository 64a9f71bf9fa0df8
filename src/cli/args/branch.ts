// The branch a --branch flag names, checked against the database (one wording for a missing branch).
import { UserError } from '../../shared/errors.js';
import { findBranch, listBranches } from '../../store/branches.js';
import type { Db } from '../../store/db.js';

/** The branch named by a flag, or an error listing the branches there are. */
export function requireBranch(db: Db, name: string, flag = '--branch'): { id: number; name: string } {
  const b = findBranch(db, name.trim());
  if (b) return b;
  const names = listBranches(db).map((x) => x.name);
  throw new UserError(`${flag} 指定的支部“${name}”不存在。`, [
    names.length ? `已有的支部：${names.join('、')}` : '数据库中还没有支部，请先运行 shuxiang init 或导入花名册。',
    '请检查支部名称是否写错（需写全称）。',
  ]);
}
