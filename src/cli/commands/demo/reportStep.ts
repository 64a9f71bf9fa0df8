// The demo's last word: the figures of the demo year (the first half of what `shuxiang report` prints), and the
// commands that turn it into the ledger workbook and the written summary.
import { join } from 'node:path';
import type { DemoState } from './index.js';
import { demoReport } from '../../../app/demo/demoChecks.js';
import { renderReportHeadline } from '../../../render/terminal/reportText.js';

/** Builds the year report of the demo database as of today (or the year's end) and adds it to the output. */
export async function describeDemoReport(s: DemoState): Promise<void> {
  const db = await s.demoCtx.openDb({ readonly: true });
  const year = s.data.year;
  const { report: r, asOf } = demoReport(db, { year, today: s.ctx.today(), dbPath: s.demoCtx.dbPath() });
  // The audit step already shows compliance per rule; the report adds the year's figures.
  s.sections.push(renderReportHeadline(s.ctx.paint, r));
  const dbArg = /[\s'"]/.test(join(s.shownDir, 'shuxiang.db')) ? `"${join(s.shownDir, 'shuxiang.db')}"` : join(s.shownDir, 'shuxiang.db');
  s.next.push(
    [`shuxiang report --year ${year} --xlsx --docx --db ${dbArg}`, `生成 ${year}年度学习台账.xlsx 和工作总结 .docx`],
    [`shuxiang report --quarter --db ${dbArg}`, '本季度的学习情况与达标情况'],
  );
  s.json.report = { period: r.period.id, asOf, sessions: r.headline.sessionsHeld, gaps: r.audit.gapCount, open: r.audit.openCount };
}
