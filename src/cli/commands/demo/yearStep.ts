// The demo's year of records (app/demo/demoYear.ts), and the line it adds to the headline.
import type { DemoState } from './index.js';
import { writeDemoYear as write } from '../../../app/demo/demoYear.js';

/** Generates the demo year up to today (or the year's end) and writes it. */
export async function writeDemoYear(s: DemoState): Promise<void> {
  const db = await s.demoCtx.openDb();
  const asOf = s.ctx.today();
  const year = write(db, { year: s.data.year, asOf }, s.ctx.nowStamp());
  const n = (k: string) => year.items[k] ?? 0;
  s.headline.push(
    `学习记录截至 ${asOf < `${s.data.year + 1}-01-01` ? asOf : `${s.data.year}-12-31`}：组织学习活动 ${year.sessions} 次，自学 ${n('self-study')} 天次，` +
      `读书 ${n('book')} 本次，心得文章 ${n('writing')} 篇，调研 ${n('research')} 次。`,
  );
  s.json.records = { sessions: year.sessions, ...year.added };
}
