// The demo's last step: the audit of the demo branch as of today — the summary per rule and who is
// furthest behind — so a new user sees at once what `shuxiang audit` is for.
import { join } from 'node:path';
import type { DemoState } from './index.js';
import { demoAudit } from '../../../app/demo/demoChecks.js';
import { summaryTable } from '../../../render/terminal/auditText.js';

/** Audits the demo year and adds the summary to what the demo prints (gaps never fail the demo). */
export async function writeDemoAudit(s: DemoState): Promise<void> {
  const db = await s.demoCtx.openDb();
  const today = s.ctx.today();
  const audit = demoAudit(db, { year: s.data.year, today, dbPath: s.demoCtx.dbPath() });
  if (!audit) return;
  const { report: r, ms } = audit;
  const behind = r.people.filter((p) => p.gaps.length).slice(0, 5);
  const clean = r.people.filter((p) => !p.gaps.length).length;
  s.sections.push([
    `达标检查（${s.data.year} 年度，截至 ${today < audit.yearEnd ? today : `${s.data.year}-12-31`}，规则集：${audit.ruleSetTitle}）：`,
    summaryTable(s.ctx.paint, r),
    '',
    `已结束的周期中未达标 ${r.endedGaps} 项；${clean ? `${clean} 人没有未达标项` : '每人都有未达标项'}。未达标最多的几位：`,
    ...behind.map((p, i) => `  ${i + 1}. ${p.name}${p.post ? `（${p.post}）` : ''}：未达标 ${p.gaps.length} 项，进行中 ${p.open.length} 项`),
  ].join('\n'));
  const dbArg = join(s.shownDir, 'shuxiang.db');
  const quoted = /[\s'"]/.test(dbArg) ? `"${dbArg}"` : dbArg;
  const someone = behind[0]?.name ?? r.people[0]?.name ?? '';
  s.next.unshift(
    [`shuxiang audit --db ${quoted}`, '完整的达标检查：每人还差什么、截至何时'],
    [`shuxiang audit --member ${someone} --db ${quoted}`, '一个人的全部结果'],
    [`shuxiang remind --db ${quoted}`, '给每人一句提醒，可直接发到工作群'],
  );
  s.json.audit = { asOf: today, endedGaps: r.endedGaps, ms, rules: r.rules.map((x) => ({ id: x.rule.id, applicable: x.applicable, met: x.met, gap: x.gap, open: x.open, na: x.na })) };
}
