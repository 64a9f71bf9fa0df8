// `shuxiang init`: create the database and record the organ, first branch, year and rule preset.
import type { Command } from 'commander';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dropTemp, holdTemp } from '../../../io/atomicWrite.js';
import { basename, dirname, join } from 'node:path';
import { storageFault } from '../../../shared/storageFault.js';
import { createdText } from '../../../render/terminal/initText.js';
import { UserError } from '../../../shared/errors.js';
import { RULE_PRESETS, isRulePreset } from '../../../domain/presets.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { askInput, askSelect } from '../../prompts.js';
import { assertNotFolder, placeNewDatabase } from '../../../store/dbConnect.js';
import { createDatabase } from '../../../app/setup/createDatabase.js';

export interface InitOptions {
  organ?: string;
  branch?: string;
  year?: string;
  rules?: string;
  yes?: boolean;
}

export function registerInit(program: Command, act: Act): void {
  program
    .command('init')
    .description('创建数据库：机关名称、第一个支部、年度和规则集')
    .option('--organ <名称>', '机关名称，如“市财政局机关”')
    .option('--branch <名称>', '第一个党支部的名称，如“机关第一党支部”')
    .option('--year <年份>', '工作年度（默认今年）')
    .option('--rules <规则集>', `规则集：${RULE_PRESETS.map((p) => `${p.id}（${p.title}）`).join('、')}；默认 learning-org`)
    .option('-y, --yes', '不再询问，缺少的项用默认值')
    .addHelpText('after', `
示例：
  shuxiang init
  shuxiang init --organ 市财政局机关 --branch 机关第一党支部 --year 2026 --rules learning-org --yes
  shuxiang --db 二支部.db init --organ 市财政局机关 --branch 机关第二党支部 --yes
`)
    .action(act(runInit));
}

export async function runInit(ctx: AppContext, opts: InitOptions): Promise<void> {
  const path = ctx.dbPath();
  assertNotFolder(path);
  // An empty file (touch, an editor, a download that failed) is taken over: it holds nothing to lose.
  if (existsSync(path) && statSync(path).size > 0) {
    throw new UserError(`数据库 ${path} 已经存在，init 不会覆盖它。`, [
      '如要继续使用它，直接运行其他命令即可；如要另建一个，请用 --db 指定新的文件名。',
    ]);
  }
  const thisYear = ctx.today().slice(0, 4);
  const organ = opts.organ?.trim() || (await askInput(ctx, '--organ <名称>', '机关名称：'));
  const branch = opts.branch?.trim() || (await askInput(ctx, '--branch <名称>', '第一个党支部的名称：'));
  let year = opts.year?.trim();
  if (!year) year = opts.yes || !ctx.interactive ? thisYear : await askInput(ctx, '--year <年份>', '工作年度：', thisYear);
  if (!/^(19|20)\d\d$/.test(year)) throw new UserError(`--year 的取值“${year}”不是年份，请写成 2026 这样的四位数字。`);
  let rules = opts.rules?.trim();
  if (!rules) {
    rules = opts.yes || !ctx.interactive
      ? 'learning-org'
      : await askSelect(ctx, '--rules <规则集>', '选择规则集：', RULE_PRESETS.map((p) => ({ name: `${p.title}（${p.id}）`, value: p.id, description: p.summary })));
  }
  if (!isRulePreset(rules)) {
    throw new UserError(`--rules 的取值“${rules}”不是已有的规则集。可选：${RULE_PRESETS.map((p) => p.id).join('、')}。`);
  }
  // All or nothing, and one of two at once: the database is made whole in a file of this run's own beside
  // the target, then put in place only if the target is still not there (a hard link cannot replace a
  // file) — a failure (a full disk) leaves nothing behind, and a second init says the file exists.
  const aside = join(dirname(path), `.${basename(path)}.init-${process.pid}`);
  const files = [aside, `${aside}-wal`, `${aside}-shm`];
  const clear = () => { for (const f of files) { rmSync(f, { force: true }); dropTemp(f); } };
  clear();
  // Ctrl-C meanwhile removes them too.
  for (const f of files) holdTemp(f);
  try {
    createDatabase(await ctx.openDb({ create: true, at: aside }), { organ, branch, year, rules }, ctx.nowStamp());
    ctx.closeAll(true);
    placeNewDatabase(aside, path);
  } catch (e) {
    ctx.closeAll(false);
    throw storageFault(e, { dbPath: path }) ?? e;
  } finally {
    clear();
  }
  if (ctx.json) {
    ctx.outJson({ db: path, organ, branch, year: Number(year), rules });
    return;
  }
  ctx.out(createdText(path, { organ, branch, year, rules, rulesTitle: RULE_PRESETS.find((p) => p.id === rules)!.title }));
  ctx.info('\n下一步：shuxiang import 花名册.xlsx 导入党员名单（没有现成名单可运行 shuxiang template roster 生成模板）。');
}
