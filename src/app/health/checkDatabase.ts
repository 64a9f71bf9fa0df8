// The `doctor` use case: the named health checks of one database file, each with its problems and fix.
import { existsSync } from 'node:fs';
import { UserError } from '../../shared/errors.js';
import { runDoctor, type DoctorCheck } from '../../store/doctor.js';

export interface DoctorResult {
  database: string;
  checks: DoctorCheck[];
  /** The checks with problems. */
  failed: DoctorCheck[];
}

/** Runs every check on the file at `path` (opened read-only by the checks themselves), as of `today`. */
export function checkDatabase(path: string, today: string): DoctorResult {
  if (!existsSync(path)) throw new UserError(`找不到数据库文件 ${path}。`, ['请用 --db 指定要检查的数据库文件（也可设置环境变量 SHUXIANG_DB）。']);
  const checks = runDoctor(path, today);
  return { database: path, checks, failed: checks.filter((c) => c.problems.length > 0) };
}
