// The rule set and working-day calendar a database uses (settings `rules` and `calendar`), loaded and
// validated once per use case: audit, remind, report, rank and the demo judge with it; `rules` writes it.
import type { WorkCalendar } from '../../domain/workdays.js';
import { createWorkCalendar } from '../../io/officialCalendar.js';
import { fileOfSetting, loadRuleSet, readCalendarFile, type LoadedRuleSet } from '../../io/ruleSetFile.js';
import { inBatch } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { readSettings, writeSettings, type Settings } from '../../store/settings.js';

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

/** Reads the settings of the database at `dbPath` and loads its rule set and calendar (errors are UserErrors naming the file). */
export function loadRules(db: Db, dbPath: string): RuleContext {
  const settings = readSettings(db) as RuleSettings;
  const loaded = loadRuleSet(settings.rules, dbPath);
  let calendarFile: string | undefined;
  let overrides = {};
  if (settings.calendar) {
    calendarFile = fileOfSetting(settings.calendar, dbPath);
    overrides = readCalendarFile(calendarFile);
  }
  return { loaded, calendar: createWorkCalendar(overrides), calendarFile, settings };
}

/** Writes rule settings in one batch (so `undo` can take the change back); `at` is the batch's time stamp. */
export function saveRuleSettings(db: Db, batch: { command: string; args: string; at: string }, s: Partial<RuleSettings>): void {
  inBatch(db, batch, (_id, counts) => {
    writeSettings(db, s as Settings);
    counts.changed += Object.keys(s).length;
  });
}
