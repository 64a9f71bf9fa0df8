// The rule set and working-day calendar a database uses (settings `rules` and `calendar`), loaded and
// validated once per command: audit, remind and rules share this.
import type { WorkCalendar } from '../domain/workdays.js';
import type { LoadedRuleSet } from '../io/ruleSetFile.js';
import type { Db } from '../store/db.js';
import type { Settings } from '../store/settings.js';
import type { AppContext } from './context.js';

/** The settings this feature adds: `calendar` names a working-day overrides file (relative to the database's folder). */
export type RuleSettings = Settings & { calendar?: string };

/** What audit and remind judge with. */
export interface RuleContext {
  loaded: LoadedRuleSet;
  calendar: WorkCalendar;
  /** The overrides file in use, if any (absolute). */
  calendarFile?: string;
  settings: RuleSettings;
}

/** Reads the database's settings and loads its rule set and calendar (errors are UserErrors naming the file). */
export async function loadRuleContext(ctx: AppContext, db: Db): Promise<RuleContext> {
  const { readSettings } = await import('../store/settings.js');
  const { fileOfSetting, loadRuleSet, readCalendarFile } = await import('../io/ruleSetFile.js');
  const { createWorkCalendar } = await import('../io/officialCalendar.js');
  const settings = readSettings(db) as RuleSettings;
  const loaded = loadRuleSet(settings.rules, ctx.dbPath());
  let calendarFile: string | undefined;
  let overrides = {};
  if (settings.calendar) {
    calendarFile = fileOfSetting(settings.calendar, ctx.dbPath());
    overrides = readCalendarFile(calendarFile);
  }
  return { loaded, calendar: createWorkCalendar(overrides), calendarFile, settings };
}

/** Writes rule settings in one batch (so `undo` can take the change back). */
export async function saveRuleSettings(ctx: AppContext, db: Db, command: string, args: string, s: Partial<RuleSettings>): Promise<void> {
  const { inBatch } = await import('../store/batches.js');
  const { writeSettings } = await import('../store/settings.js');
  inBatch(db, { command, args, at: ctx.nowStamp() }, (_id, counts) => {
    writeSettings(db, s as Settings);
    counts.changed += Object.keys(s).length;
  });
}
