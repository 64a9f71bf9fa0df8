// The `rules` use cases: which rule set to show, copying a preset for the organ to edit, switching the
// database to another rule set (validated first, one batch), and the working-day calendar's overrides file.
import { existsSync, readFileSync } from 'node:fs';
import { RULE_PRESETS, isRulePreset } from '../../domain/presets.js';
import type { CalendarOverrides } from '../../domain/workdays.js';
import { writeFileAtomically } from '../../io/atomicWrite.js';
import { createWorkCalendar } from '../../io/officialCalendar.js';
import { calendarExampleFile, fileOfSetting, presetFile, readCalendarFile, readRuleSetFile, settingFor, type LoadedRuleSet } from '../../io/ruleSetFile.js';
import { UserError } from '../../shared/errors.js';
import type { Db } from '../../store/db.js';
import { readSettings } from '../../store/settings.js';
import { saveRuleSettings, type RuleSettings } from './ruleContext.js';

/** The preset shown when there is no database yet. */
export const DEFAULT_PRESET = 'learning-org';

/** The built-in rule sets as the help and errors list them: “learning-org（学习型党组织）、…”. */
export const presetList = (): string => RULE_PRESETS.map((p) => `${p.id}（${p.title}）`).join('、');

/** A built-in rule set named by --preset (an error listing the presets when it is none). */
export function presetRuleSet(preset: string): LoadedRuleSet {
  if (!isRulePreset(preset)) throw new UserError(`--preset 的取值“${preset}”不是内置规则集。可选：${presetList()}。`);
  return readRuleSetFile(presetFile(preset), preset);
}

/** Whether a rule set's file may be copied to `target` for editing: never over a file unless `force`, never onto itself. */
export function checkRuleSetCopy(source: LoadedRuleSet, target: string, force: boolean): void {
  if (existsSync(target) && !force) {
    throw new UserError(`文件 ${target} 已经存在，rules init 不会覆盖它。`, ['请换一个文件名，或加 --force 覆盖。']);
  }
  if (target === source.file) throw new UserError(`${target} 就是当前使用的规则集文件，无需复制。`);
}

/** Writes the copy checked by `copyRuleSet` (temp file + rename). */
export async function writeRuleSetCopy(source: LoadedRuleSet, target: string, force: boolean): Promise<void> {
  await writeFileAtomically(target, readFileSync(source.file), { replace: force });
}

/** Validates a preset id or rule-set file, then records it in the database's settings (one batch). */
export function switchRuleSet(db: Db, input: { target: string; dbPath: string; command: string }, now: string): LoadedRuleSet {
  const preset = isRulePreset(input.target) ? input.target : undefined;
  const loaded = readRuleSetFile(preset ? presetFile(preset) : input.target, preset);
  saveRuleSettings(db, { command: input.command, args: input.target, at: now }, { rules: preset ?? settingFor(input.target, input.dbPath) });
  return loaded;
}

/** The working-day calendar in use: its overrides file (if any) and which of last, this and next year the holidays cover. */
export interface CalendarState {
  file?: string;
  overrides: CalendarOverrides;
  covered: number[];
  uncovered: number[];
}

/**
 * `rules calendar`: sets (`file`, validated first) or clears the overrides file in one batch, then reports
 * the calendar around `today`'s year.
 */
export function ruleCalendar(db: Db, input: { file?: string; clear?: boolean; dbPath: string; today: string }, now: string): CalendarState {
  let setting = (readSettings(db) as RuleSettings).calendar;
  if (input.clear || input.file) {
    if (input.file) readCalendarFile(input.file);
    setting = input.file ? settingFor(input.file, input.dbPath) : '';
    saveRuleSettings(db, { command: 'rules calendar', args: input.file ?? '--clear', at: now }, { calendar: setting });
  }
  const file = setting ? fileOfSetting(setting, input.dbPath) : undefined;
  const overrides = file ? readCalendarFile(file) : {};
  const calendar = createWorkCalendar(overrides);
  const year = Number(input.today.slice(0, 4));
  const around = [year - 1, year, year + 1];
  return { file, overrides, covered: around.filter((y) => calendar.isYearCovered(y)), uncovered: around.filter((y) => !calendar.isYearCovered(y)) };
}

/** `rules calendar --example FILE`: the ready-made overrides file (an example year), copied for the user to edit. */
export async function copyCalendarExample(target: string): Promise<void> {
  if (existsSync(target)) throw new UserError(`文件 ${target} 已经存在，rules calendar --example 不会覆盖它。`, ['请换一个文件名。']);
  await writeFileAtomically(target, readFileSync(calendarExampleFile()), { replace: false });
}
