// The demo's reading room, study plan and year-end ranking (app/demo/demoReading.ts), and what the demo
// says about them: the plan's gaps, the overdue books and the top of the ranking.
import { join } from 'node:path';
import type { DemoState } from './index.js';
import { bookTitle } from '../../../domain/text.js';
import * as d from '../../../domain/demoReading.js';
import { writeDemoReading as write } from '../../../app/demo/demoReading.js';
import { planGapLines } from '../../../reports/planReport.js';

/** Writes the reading room and the plan, then adds their summary and the ranking to the demo's output. */
export async function writeDemoReading(s: DemoState): Promise<void> {
  const db = await s.demoCtx.openDb();
  const year = s.data.year;
  const { plan, open, late, rank } = write(db, { year, today: s.ctx.today(), dbPath: s.demoCtx.dbPath() }, s.ctx.nowStamp());
  s.sections.push([
    `图书角：${d.DEMO_SHELF.length} 种书，书记荐书 ${d.DEMO_RECOMMENDED.length} 本，${year} 年必学书目 ${d.DEMO_REQUIRED.length} 本；借出未还 ${open.length} 册${late.length ? `，其中逾期 ${late.map((l) => `${l.member}${bookTitle(l.title)}${l.days} 天`).join('、')}` : ''}。`,
    ...planGapLines(plan),
    `年终评比（${rank.ranking.award}，前 ${Math.min(5, rank.ranked.length)} 名）：${rank.ranked.slice(0, 5).map((m) => `${m.rank}. ${m.name} ${m.score} 分`).join('；')}`,
  ].join('\n'));
  const dbArg = join(s.shownDir, 'shuxiang.db');
  const q = /[\s'"]/.test(dbArg) ? `"${dbArg}"` : dbArg;
  s.next.push(
    [`shuxiang books list --db ${q}`, '图书角的书目、册数和在架数'],
    [`shuxiang books overdue --db ${q}`, '逾期未还的书'],
    [`shuxiang plan show --year ${year} --db ${q}`, '年度学习计划与每月开展情况'],
    [`shuxiang rank --year ${year} --docx --db ${q}`, '年终评比：计分表、表彰名单和荣誉证书'],
  );
  s.json.reading = { books: d.DEMO_SHELF.length, openLoans: open.length, overdue: late.length, planGaps: plan.gaps, top: rank.awardees.map((m) => m.name) };
}
