// The bodies of `shuxiang rules …`: list and show a rule set, copy a preset for editing, switch the
// database to another rule set or calendar file (the use cases in src/app/rules, the text in render/terminal/rulesText).
import { existsSync } from 'node:fs';
import { isRulePreset } from '../../../domain/presets.js';
import type { LoadedRuleSet } from '../../../io/ruleSetFile.js';
import { loadRules } from '../../../app/rules/ruleContext.js';
import {
  DEFAULT_PRESET, checkRuleSetCopy, copyCalendarExample, presetList, presetRuleSet, ruleCalendar, switchRuleSet, writeRuleSetCopy,
} from '../../../app/rules/ruleSets.js';
import { calendarText, ruleDetail, ruleSetOverview, rulesTable } from '../../../render/terminal/rulesText.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';

/** The rule set to show: --preset, else the database's, else the default when there is no database yet. */
async function ruleSetToShow(ctx: AppContext, preset?: string): Promise<LoadedRuleSet> {
  if (preset !== undefined) return presetRuleSet(preset);
  if (!existsSync(ctx.dbPath())) {
    ctx.info(`（还没有数据库 ${ctx.dbPath()}，下面是默认的内置规则集）`);
    return presetRuleSet(DEFAULT_PRESET);
  }
  return loadRules(await ctx.openDb({ readonly: true }), ctx.dbPath()).loaded;
}

/** `rules list`: every quota of a rule set in one table. */
export async function runRulesList(ctx: AppContext, o: { preset?: string }): Promise<void> {
  const loaded = await ruleSetToShow(ctx, o.preset);
  const rules = loaded.ruleSet.rules;
  if (ctx.json) return ctx.outJson({ id: loaded.ruleSet.id, title: loaded.ruleSet.title, preset: loaded.preset, file: loaded.file, rules });
  ctx.out(`规则集：${loaded.label}\n`);
  ctx.out(rulesTable(rules));
  ctx.info(`\n共 ${rules.length} 项。shuxiang rules show 编号 查看出处和设置；内置规则集：${presetList()}。`);
}

/** `rules show [ID]`: the rule set's overview, or one rule with its source and options. */
export async function runRulesShow(ctx: AppContext, id: string | undefined, o: { preset?: string }): Promise<void> {
  const loaded = await ruleSetToShow(ctx, o.preset);
  const set = loaded.ruleSet;
  if (id === undefined) {
    if (ctx.json) return ctx.outJson({ ...set, preset: loaded.preset, file: loaded.file });
    ctx.out(ruleSetOverview(set, loaded.label, loaded.file));
    return;
  }
  const rule = set.rules.find((r) => r.id.toLowerCase() === id.trim().toLowerCase());
  if (!rule) throw new UserError(`规则集“${set.title}”中没有编号为“${id}”的指标。`, [`可用的编号：${set.rules.map((r) => r.id).join('、')}`]);
  if (ctx.json) return ctx.outJson(rule);
  ctx.out(ruleDetail(rule, loaded.label));
}

/** `rules init [FILE]`: a copy of a preset for the organ to edit; `--use` switches to it. */
export async function runRulesInit(ctx: AppContext, fileArg: string | undefined, o: { preset?: string; use?: boolean; force?: boolean }): Promise<void> {
  const source = await ruleSetToShow(ctx, o.preset);
  const target = ctx.path(fileArg ?? '规则集.json');
  checkRuleSetCopy(source, target, !!o.force);
  const db = o.use ? await ctx.openDb() : undefined;
  await writeRuleSetCopy(source, target, !!o.force);
  if (db) switchRuleSet(db, { target, dbPath: ctx.dbPath(), command: 'rules init' }, ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ file: target, from: source.preset ?? source.file, used: !!o.use });
  ctx.out(`已把规则集“${source.ruleSet.title}”复制到 ${target}${o.use ? '，数据库已改用这个文件' : ''}。`);
  ctx.info(o.use
    ? '修改文件后直接运行 shuxiang audit 即可；文件有错时会指出是哪条规则的哪个字段。'
    : `修改后运行 shuxiang rules use ${fileArg ?? '规则集.json'} 让数据库使用它（会先检查文件）。`);
}

/** `rules use X`: switch the database's rule set, only after the file validates. */
export async function runRulesUse(ctx: AppContext, spec: string): Promise<void> {
  const db = await ctx.openDb();
  const target = isRulePreset(spec) && !existsSync(ctx.path(spec)) ? spec : ctx.path(spec);
  const loaded = switchRuleSet(db, { target, dbPath: ctx.dbPath(), command: 'rules use' }, ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ rules: loaded.preset ?? loaded.file, title: loaded.ruleSet.title, count: loaded.ruleSet.rules.length });
  ctx.out(`数据库已改用规则集：${loaded.label}，共 ${loaded.ruleSet.rules.length} 项指标。`);
}

/** `rules calendar [FILE]`: show the working-day calendar's coverage, set or clear the overrides file. */
export async function runRulesCalendar(ctx: AppContext, fileArg: string | undefined, o: { clear?: boolean; example?: string }): Promise<void> {
  if (fileArg && o.clear) throw new UserError('不能同时给出文件和 --clear：要么指定调整文件，要么取消它。');
  if (o.example) return writeCalendarExample(ctx, o.example);
  const db = await ctx.openDb();
  const c = ruleCalendar(db, { file: fileArg ? ctx.path(fileArg) : undefined, clear: o.clear, dbPath: ctx.dbPath(), today: ctx.today() }, ctx.nowStamp());
  if (ctx.json) {
    return ctx.outJson({ file: c.file ?? null, holidays: c.overrides.holidays?.length ?? 0, workdays: c.overrides.workdays?.length ?? 0, covered: c.covered, uncovered: c.uncovered });
  }
  ctx.out(calendarText(c));
  if (fileArg) ctx.info('已检查并启用调整文件；达标检查中的“每个工作日”将按它计算。');
  if (o.clear) ctx.info('已取消调整文件。');
}

/** `rules calendar --example FILE`: copies the ready-made overrides file (an example year) for the user to edit. */
async function writeCalendarExample(ctx: AppContext, fileArg: string): Promise<void> {
  const target = ctx.path(fileArg);
  await copyCalendarExample(target);
  if (ctx.json) return ctx.outJson({ file: target });
  ctx.out(`已生成工作日调整文件的示例：${target}（2027 年，为演示格式虚构的安排）。`);
  ctx.info(`请按国务院办公厅的节假日安排通知改写其中的日期和“说明”，再运行 shuxiang rules calendar ${fileArg} 启用。`);
}
