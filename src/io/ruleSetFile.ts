// Rule sets and working-day overrides on disk: the presets shipped under templates/rules/ and the organ's
// own JSON copies, read and validated on load, with errors that name the file, the rule and the field.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_PRESETS, isRulePreset } from '../domain/presets.js';
import type { RuleSet } from '../domain/ruleSet.js';
import { validateRuleSet } from '../domain/ruleSetValidate.js';
import { validateOverrides, type CalendarOverrides } from '../domain/workdays.js';
import { UserError } from '../shared/errors.js';

/** A rule set ready for the engine, and where it came from (for headings and messages). */
export interface LoadedRuleSet {
  ruleSet: RuleSet;
  /** The preset id, when it is a shipped preset. */
  preset?: string;
  /** The file it was read from (absolute). */
  file: string;
  /** How to name it to the user: “学习型党组织（内置规则集 learning-org）” or “规则集.json”. */
  label: string;
}

/** The JSON of a shipped preset. This file sits in src/io (vitest) or dist/io (built): both two levels below the package. */
export function presetFile(id: string): string {
  return fileURLToPath(new URL(`../../templates/rules/${id}.json`, import.meta.url));
}

/** The file a settings value names: a preset id, or a path (relative paths are relative to the database's folder). */
export function ruleSetFileOf(setting: string, dbPath: string): { file: string; preset?: string } {
  if (isRulePreset(setting)) return { file: presetFile(setting), preset: setting };
  return { file: fileOfSetting(setting, dbPath) };
}

/** A file path kept in settings, made absolute (relative ones are relative to the database's folder). */
export function fileOfSetting(setting: string, dbPath: string): string {
  return isAbsolute(setting) ? setting : resolve(dirname(dbPath), setting);
}

/** What to store in settings for a file the user named: relative to the database's folder when inside it,
 * so the folder can be moved or copied as a whole. */
export function settingFor(file: string, dbPath: string): string {
  const rel = relative(dirname(dbPath), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

/** Loads the rule set a settings value names (default: learning-org), validated. */
export function loadRuleSet(setting: string | undefined, dbPath: string): LoadedRuleSet {
  const { file, preset } = ruleSetFileOf(setting || 'learning-org', dbPath);
  if (!existsSync(file)) {
    throw new UserError(`找不到数据库所用的规则集文件 ${file}。`, [
      '文件可能被移动或删除了。请用 shuxiang rules use 文件名 重新指定，或用 shuxiang rules use learning-org 改回内置规则集。',
    ]);
  }
  return readRuleSetFile(file, preset);
}

/** Reads and validates one rule-set file; every problem is listed (exit 2), none is skipped. */
export function readRuleSetFile(file: string, preset?: string): LoadedRuleSet {
  const shown = preset ? `${preset}.json` : basename(file);
  const json = readJson(file, file, '规则集');
  const r = validateRuleSet(json, shown);
  if (!r.ok) {
    throw new UserError(`规则集文件 ${file} 有 ${r.errors.length} 处错误，未能使用：`, [
      ...r.errors,
      '改正后再试；可用 shuxiang rules init 新文件名.json 重新生成一份正确的规则集作对照。',
    ]);
  }
  const title = RULE_PRESETS.find((p) => p.id === preset)?.title ?? r.ruleSet.title;
  return { ruleSet: r.ruleSet, preset, file, label: preset ? `${title}（内置规则集 ${preset}）` : `${r.ruleSet.title}（文件 ${file}）` };
}

/** Reads and validates a working-day overrides file: {"holidays": [...], "workdays": [...]}. */
/** The ready-made overrides file `rules calendar --example` copies: one year, marked as an example to replace. */
export function calendarExampleFile(): string {
  return fileURLToPath(new URL('../../templates/calendar/example-2027.json', import.meta.url));
}

export function readCalendarFile(file: string): CalendarOverrides {
  const json = readJson(file, file, '工作日调整');
  const r = validateOverrides(json, file);
  if (!r.ok) throw new UserError(`工作日调整文件 ${file} 有 ${r.errors.length} 处错误，未能使用：`, r.errors);
  return r.value;
}

/** Parses a JSON file, turning a syntax error into “第 L 行第 C 列” with the usual causes. */
function readJson(file: string, shown: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `找不到${what}文件 ${shown}。` : `无法读取${what}文件 ${shown}：${(e as Error).message}`, [
      '请检查文件名和路径是否写对。',
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const at = pos ? lineColumn(text, Number(pos[1])) : '';
    throw new UserError(`${what}文件 ${shown} 不是有效的 JSON${at}。`, [
      '常见原因：少了或多了逗号，用了中文引号“”或中文逗号，或者文件不完整。',
      '可用记事本以外的编辑器（如 VS Code）打开，出错的位置会标红。',
    ]);
  }
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos).split('\n');
  return `（第 ${before.length} 行第 ${before[before.length - 1]!.length + 1} 列）`;
}
