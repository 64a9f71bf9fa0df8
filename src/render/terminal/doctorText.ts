// The doctor's report on a terminal: a tick or cross per check, its problems and the fix.
import type { Paint } from '../../shared/colour.js';

/** A check as the report lists it. */
export interface ShownCheck {
  title: string;
  problems: string[];
  fix?: string;
}

/** “检查数据库 …：” then one line per check, ending with how many need attention. */
export function doctorText(paint: Paint, database: string, checks: ShownCheck[]): string {
  const lines = [`检查数据库 ${database}：`];
  for (const c of checks) {
    lines.push(`  ${c.problems.length ? paint('red', '✗') : paint('green', '✓')} ${c.title}`);
    for (const p of c.problems) lines.push(`      ${p}`);
    if (c.problems.length && c.fix) lines.push(`      ${paint('cyan', '改法')}：${c.fix}`);
  }
  const failed = checks.filter((c) => c.problems.length).length;
  lines.push(failed ? `发现 ${failed} 项需要处理。` : '全部通过。');
  return lines.join('\n');
}
