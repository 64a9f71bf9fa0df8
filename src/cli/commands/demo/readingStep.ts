// The demo's reading room, study plan and year-end ranking: shelves and copies for the catalogued books,
// the secretary's recommendations and the required list, a year of loans, the plan with its co-host
// rotation — written in one batch through the same store functions the commands use — then the plan's
// gaps, the overdue books and the top of the ranking, read back as the commands would show them.
import { join } from 'node:path';
import type { DemoState } from './index.js';
import { onRollOn } from '../../../domain/member.js';
import { bookTitle } from '../../../domain/text.js';

/** Writes the reading room and the plan, then adds their summary and the ranking to the demo's output. */
export async function writeDemoReading(s: DemoState): Promise<void> {
  const d = await import('../../../domain/demoReading.js');
  const { MONTH_THEMES } = await import('../../../domain/demoYear.js');
  const { rotateCohosts } = await import('../../../domain/studyPlan.js');
  const { addDaysIso } = await import('../../../domain/periods.js');
  const { listBooks, updateBook } = await import('../../../store/books.js');
  const { listMembers } = await import('../../../store/members.js');
  const { addLoan, closeLoan } = await import('../../../store/loans.js');
  const { listPlan, setCohosts, upsertPlanMonth } = await import('../../../store/plan.js');
  const { inBatch } = await import('../../../store/batches.js');
  const db = await s.demoCtx.openDb();
  const year = s.data.year;
  const today = s.ctx.today();
  const asOf = today > `${year}-12-31` ? `${year}-12-31` : today;
  const members = listMembers(db);
  const branchId = members[0]!.branchId;
  const secretary = members.find((m) => m.partyPost === '书记')?.name ?? '支部书记';
  const byTitle = new Map(listBooks(db).map((b) => [b.title, b]));
  inBatch(db, { command: 'demo', args: '图书角与学习计划', at: s.ctx.nowStamp() }, (batchId, counts) => {
    for (const b of d.DEMO_SHELF) {
      const book = byTitle.get(b.title);
      if (book) { updateBook(db, book.id, { copies: b.copies, shelf: b.shelf }); counts.changed++; }
    }
    for (const [title, reason] of d.DEMO_RECOMMENDED) {
      const book = byTitle.get(title);
      if (book) { updateBook(db, book.id, { recommended: true, recommendedBy: secretary, recommendReason: reason }); counts.changed++; }
    }
    for (const title of d.DEMO_REQUIRED) {
      const book = byTitle.get(title);
      if (book) { updateBook(db, book.id, { requiredYear: year }); counts.changed++; }
    }
    MONTH_THEMES.forEach((theme, i) => {
      upsertPlanMonth(db, { branchId, month: `${year}-${String(i + 1).padStart(2, '0')}`, theme, form: d.DEMO_PLAN_FORMS[i]!, books: d.DEMO_PLAN_BOOKS[i + 1] ?? '', speaker: i % 3 === 0 ? secretary : undefined }, batchId);
      counts.added++;
    });
    setCohosts(db, rotateCohosts(listPlan(db, year, branchId), d.DEMO_UNITS));
    for (const l of d.DEMO_LOANS) {
      const who = members[l.member];
      const book = byTitle.get(l.title);
      const lent = `${year}-${l.lent}`;
      if (!who || !book || lent > asOf || !onRollOn(who, lent)) continue;
      const id = addLoan(db, { bookId: book.id, memberId: who.id, lentOn: lent, dueOn: addDaysIso(lent, l.days) }, batchId);
      counts.added++;
      const back = l.returnedAfter === undefined ? undefined : addDaysIso(lent, l.returnedAfter);
      if (back && back <= asOf) closeLoan(db, id, back);
    }
  });

  const { buildPlanReport, planGapLines } = await import('../../../reports/planReport.js');
  const plan = buildPlanReport(db, { from: `${year}-01-01`, to: `${year + 1}-01-01`, asOf, branchId });
  const { listLoans } = await import('../../../store/loans.js');
  const { overdueDays } = await import('../../../domain/lending.js');
  const open = listLoans(db, { open: true });
  const late = open.map((l) => ({ ...l, days: overdueDays(l, asOf) })).filter((l) => l.days > 0);
  const { loadRuleContext } = await import('../../ruleContext.js');
  const { buildRanking } = await import('../../../reports/ranking.js');
  const { loaded, calendar } = await loadRuleContext(s.demoCtx, db);
  const rank = buildRanking(db, { year, asOf, ruleSet: loaded.ruleSet, calendar });
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
