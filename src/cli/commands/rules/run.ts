// The bodies of `shuxiang rules …`: list and show a rule set, copy a preset for editing, switch the
// database to another rule set or calendar file (validated first, written as one batch).
import { existsSync, readFileSync } from 'node:fs';
import { RULE_PRESETS, isRulePreset } from '../../../domain/presets.js';
import type { Rule } from '../../../domain/ruleSet.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { formatTable } from '../../output.js';
import type { LoadedRuleSet } from '../../../io/ruleSetFile.js';
import { PERIOD_EVERY } from '../../../render/terminal/auditFormat.js';

const APPLIES: Record<Rule['appliesTo'], string> = { all: '全体人员', leaders: '班子成员', branch: '支部' };
const PART: Record<string, string> = { hoursPerWorkingDay: '每工作日自学小时', noteDaysPerWorkingDay: '每工作日笔记', books: '读书', exchanges: '读书交流', trainings: '培训', exams: '考试' };
const presetList = () => RULE_PRESETS.map((p) => `${p.id}（${p.title}）`).join('、');

/** A threshold as the secretary reads it: “≥ 1”, “≥ 90%”, “政治理论 ≥ 1、业务 ≥ 1”. */
export function thresholdText(r: Rule, t = r.threshold): string {
  if (typeof t === 'number') return r.metric === 'attendance-rate' || r.metric === 'reflections-per-headcount' ? `≥ ${Math.round(t * 1000) / 10}%` : `≥ ${t}`;
  return Object.entries(t).map(([k, v]) => `${PART[k] ?? k} ≥ ${v}`).join('、');
}

/** The rule set to show: --preset, else the database's, else the default when there is no database yet. */
async function ruleSetToShow(ctx: AppContext, preset?: string): Promise<LoadedRuleSet> {
  const { presetFile, readRuleSetFile } = await import('../../../io/ruleSetFile.js');
  if (preset !== undefined) {
    if (!isRulePreset(preset)) throw new UserError(`--preset 的取值“${preset}”不是内置规则集。可选：${presetList()}。`);
    return readRuleSetFile(presetFile(preset), preset);
  }
  if (!existsSync(ctx.dbPath())) {
    ctx.info(`（还没有数据库 ${ctx.dbPath()}，下面是默认的内置规则集）`);
    return readRuleSetFile(presetFile('learning-org'), 'learning-org');
  }
  const { loadRuleContext } = await import('../../ruleContext.js');
  return (await loadRuleContext(ctx, await ctx.openDb())).loaded;
}

/** `rules list`: every quota of a rule set in one table. */
export async function runRulesList(ctx: AppContext, o: { preset?: string }): Promise<void> {
  const loaded = await ruleSetToShow(ctx, o.preset);
  const rules = loaded.ruleSet.rules;
  if (ctx.json) return ctx.outJson({ id: loaded.ruleSet.id, title: loaded.ruleSet.title, preset: loaded.preset, file: loaded.file, rules });
  ctx.out(`规则集：${loaded.label}\n`);
  ctx.out(formatTable<Rule>([
    { header: '编号', value: (r) => r.id },
    { header: '名称', value: (r) => r.title },
    { header: '对象', value: (r) => APPLIES[r.appliesTo] },
    { header: '周期', value: (r) => PERIOD_EVERY[r.period] },
    { header: '要求', value: (r) => thresholdText(r) },
  ], rules));
  ctx.info(`\n共 ${rules.length} 项。shuxiang rules show 编号 查看出处和设置；内置规则集：${presetList()}。`);
}

/** `rules show [ID]`: the rule set's overview, or one rule with its source and options. */
export async function runRulesShow(ctx: AppContext, id: string | undefined, o: { preset?: string }): Promise<void> {
  const loaded = await ruleSetToShow(ctx, o.preset);
  const set = loaded.ruleSet;
  if (id === undefined) {
    if (ctx.json) return ctx.outJson({ ...set, preset: loaded.preset, file: loaded.file });
    const count = (a: Rule['appliesTo']) => set.rules.filter((r) => r.appliesTo === a).length;
    ctx.out([
      `规则集：${loaded.label}`, `文件：${loaded.file}`, ...(set.description ? [`说明：${set.description}`] : []),
      `指标：共 ${set.rules.length} 项（班子成员 ${count('leaders')} 项，全体人员 ${count('all')} 项，支部 ${count('branch')} 项）`,
      `请假是否算参加：${set.settings.excusedCountsAsAttended ? '算' : '不算'}（settings.excusedCountsAsAttended）`,
      `没有一个工作日的周、月（如春节所在周）：${set.settings.skipPeriodsWithoutWorkdays === false ? '照常考核' : '计活动、听课的指标不考核'}（settings.skipPeriodsWithoutWorkdays）`,
    ].join('\n'));
    return;
  }
  const rule = set.rules.find((r) => r.id.toLowerCase() === id.trim().toLowerCase());
  if (!rule) throw new UserError(`规则集“${set.title}”中没有编号为“${id}”的指标。`, [`可用的编号：${set.rules.map((r) => r.id).join('、')}`]);
  if (ctx.json) return ctx.outJson(rule);
  const { metricLabel, ruleOptionsText } = await import('../../../domain/ruleText.js');
  const opts = ruleOptionsText(rule.options);
  const note = (rule as Rule & { note?: string }).note;
  ctx.out([
    `编号：${rule.id}`, `名称：${rule.title}`, `对象：${APPLIES[rule.appliesTo]}`, `周期：${PERIOD_EVERY[rule.period]}`,
    `要求：${thresholdText(rule)}${rule.recommended !== undefined ? `（建议 ${thresholdText(rule, rule.recommended)}）` : ''}`,
    `指标：${metricLabel(rule.metric)}`, `出处：“${rule.source}”`,
    ...(opts.length ? [`设置：${opts.join('；')}`] : []), ...(note ? [`说明：${note}`] : []),
    `所属规则集：${loaded.label}`,
  ].join('\n'));
}

/** `rules init [FILE]`: a copy of a preset for the organ to edit; `--use` switches to it. */
export async function runRulesInit(ctx: AppContext, fileArg: string | undefined, o: { preset?: string; use?: boolean; force?: boolean }): Promise<void> {
  const source = await ruleSetToShow(ctx, o.preset);
  const target = ctx.path(fileArg ?? '规则集.json');
  if (existsSync(target) && !o.force) {
    throw new UserError(`文件 ${target} 已经存在，rules init 不会覆盖它。`, ['请换一个文件名，或加 --force 覆盖。']);
  }
  if (target === source.file) throw new UserError(`${target} 就是当前使用的规则集文件，无需复制。`);
  const db = o.use ? await ctx.openDb() : undefined;
  const { writeFileAtomically } = await import('../../../io/atomicWrite.js');
  await writeFileAtomically(target, readFileSync(source.file), { replace: !!o.force });
  if (db) await switchTo(ctx, db, target, 'rules init');
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
  const loaded = await switchTo(ctx, db, target, 'rules use');
  if (ctx.json) return ctx.outJson({ rules: loaded.preset ?? loaded.file, title: loaded.ruleSet.title, count: loaded.ruleSet.rules.length });
  ctx.out(`数据库已改用规则集：${loaded.label}，共 ${loaded.ruleSet.rules.length} 项指标。`);
}

/** Validates a preset id or file, then records it in settings (one batch). */
async function switchTo(ctx: AppContext, db: import('../../../store/db.js').Db, target: string, command: string): Promise<LoadedRuleSet> {
  const { presetFile, readRuleSetFile, settingFor } = await import('../../../io/ruleSetFile.js');
  const { saveRuleSettings } = await import('../../ruleContext.js');
  const preset = isRulePreset(target) ? target : undefined;
  const loaded = readRuleSetFile(preset ? presetFile(preset) : target, preset);
  await saveRuleSettings(ctx, db, command, target, { rules: preset ?? settingFor(target, ctx.dbPath()) });
  return loaded;
}

/** `rules calendar [FILE]`: show the working-day calendar's coverage, set or clear the overrides file. */
export async function runRulesCalendar(ctx: AppContext, fileArg: string | undefined, o: { clear?: boolean; example?: string }): Promise<void> {
  if (fileArg && o.clear) throw new UserError('不能同时给出文件和 --clear：要么指定调整文件，要么取消它。');
  if (o.example) return writeCalendarExample(ctx, o.example);
  const db = await ctx.openDb();
  const { fileOfSetting, readCalendarFile, settingFor } = await import('../../../io/ruleSetFile.js');
  const { saveRuleSettings } = await import('../../ruleContext.js');
  const { readSettings } = await import('../../../store/settings.js');
  const { createWorkCalendar } = await import('../../../io/officialCalendar.js');
  let setting = (readSettings(db) as { calendar?: string }).calendar;
  if (o.clear || fileArg) {
    const target = fileArg ? ctx.path(fileArg) : undefined;
    if (target) readCalendarFile(target);
    setting = target ? settingFor(target, ctx.dbPath()) : '';
    await saveRuleSettings(ctx, db, 'rules calendar', target ?? '--clear', { calendar: setting });
  }
  const file = setting ? fileOfSetting(setting, ctx.dbPath()) : undefined;
  const overrides = file ? readCalendarFile(file) : {};
  const calendar = createWorkCalendar(overrides);
  const year = Number(ctx.today().slice(0, 4));
  const known = [year - 1, year, year + 1].filter((y) => calendar.isYearCovered(y));
  const unknown = [year - 1, year, year + 1].filter((y) => !calendar.isYearCovered(y));
  if (ctx.json) {
    return ctx.outJson({ file: file ?? null, holidays: overrides.holidays?.length ?? 0, workdays: overrides.workdays?.length ?? 0, covered: known, uncovered: unknown });
  }
  const lines = [
    file ? `工作日调整文件：${file}（放假 ${overrides.holidays?.length ?? 0} 天，调休上班 ${overrides.workdays?.length ?? 0} 天）` : '工作日调整文件：未使用',
    `已收录法定节假日安排的年份：${known.length ? known.join('、') : '（无）'}`,
  ];
  if (overrides.说明) lines.push(`调整文件的说明：${overrides.说明}`);
  if (unknown.length) lines.push(`尚未收录：${unknown.join('、')}（这些年份按周一至周五计算工作日；可用调整文件补充）`);
  ctx.out(lines.join('\n'));
  if (fileArg) ctx.info('已检查并启用调整文件；达标检查中的“每个工作日”将按它计算。');
  if (o.clear) ctx.info('已取消调整文件。');
}

/** `rules calendar --example FILE`: copies the ready-made overrides file (an example year) for the user to edit. */
async function writeCalendarExample(ctx: AppContext, fileArg: string): Promise<void> {
  const { calendarExampleFile } = await import('../../../io/ruleSetFile.js');
  const target = ctx.path(fileArg);
  if (existsSync(target)) throw new UserError(`文件 ${target} 已经存在，rules calendar --example 不会覆盖它。`, ['请换一个文件名。']);
  const { writeFileAtomically } = await import('../../../io/atomicWrite.js');
  await writeFileAtomically(target, readFileSync(calendarExampleFile()), { replace: false });
  if (ctx.json) return ctx.outJson({ file: target });
  ctx.out(`已生成工作日调整文件的示例：${target}（2027 年，为演示格式虚构的安排）。`);
  ctx.info(`请按国务院办公厅的节假日安排通知改写其中的日期和“说明”，再运行 shuxiang rules calendar ${fileArg} 启用。`);
}
