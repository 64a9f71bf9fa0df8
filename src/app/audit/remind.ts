// The `remind` use case: the audit of the as-of date's year (one branch or all), turned into one message
// per member with something still open, and the branch duties still open.
import { parsePeriodId } from '../../domain/periods.js';
import { buildAudit } from '../../reports/audit.js';
import { buildRemind, type RemindReport } from '../../reports/remind.js';
import type { Db } from '../../store/db.js';
import { loadRules } from '../rules/ruleContext.js';

export interface RemindInput {
  /** The database file (its rule set and calendar files are found beside it). */
  dbPath: string;
  asOf: string;
  branchId?: number;
}

/** The reminders, and the calendar's warning when its holidays do not cover the year. */
export function remind(db: Db, input: RemindInput): { remind: RemindReport; calendarNote?: string } {
  const { loaded, calendar } = loadRules(db, input.dbPath);
  const scope = parsePeriodId(input.asOf.slice(0, 4))!;
  const audit = buildAudit(db, { ruleSet: loaded.ruleSet, calendar, asOf: input.asOf, scope, branchId: input.branchId });
  return { remind: buildRemind(audit), calendarNote: audit.calendarNote };
}
