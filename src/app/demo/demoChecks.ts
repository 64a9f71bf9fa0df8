// The demo's closing figures: the audit of the demo year as of today (so a new user sees at once what
// `shuxiang audit` is for) and the year report (what `shuxiang report` prints first).
import { parsePeriodId } from '../../domain/periods.js';
import { buildAudit, type AuditReport } from '../../reports/audit.js';
import { buildPeriodReport } from '../../reports/periodReport.js';
import type { PeriodReport } from '../../reports/periodReportTypes.js';
import type { Db } from '../../store/db.js';
import { loadRules } from '../rules/ruleContext.js';

export interface DemoInput {
  year: number;
  today: string;
  dbPath: string;
}

/** The audit of the demo year as of `today` and how long it took; undefined before the year begins. */
export function demoAudit(db: Db, input: DemoInput): { report: AuditReport; ruleSetTitle: string; ms: number; yearEnd: string } | undefined {
  const year = parsePeriodId(String(input.year))!;
  if (input.today < year.start) return undefined;
  const { loaded, calendar } = loadRules(db, input.dbPath);
  const started = performance.now();
  const report = buildAudit(db, { ruleSet: loaded.ruleSet, calendar, asOf: input.today, scope: year });
  return { report, ruleSetTitle: loaded.ruleSet.title, ms: Math.round(performance.now() - started), yearEnd: year.end };
}

/** The year report of the demo database as of `today` (or the year's end). */
export function demoReport(db: Db, input: DemoInput): { report: PeriodReport; asOf: string } {
  const { loaded, calendar } = loadRules(db, input.dbPath);
  const asOf = input.today > `${input.year}-12-31` ? `${input.year}-12-31` : input.today;
  const period = parsePeriodId(String(input.year)) as Parameters<typeof buildPeriodReport>[1]['period'];
  return { report: buildPeriodReport(db, { ruleSet: loaded.ruleSet, calendar, asOf, period }), asOf };
}
