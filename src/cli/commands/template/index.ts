// `shuxiang template NAME [FILE]`: writes a blank, well-formatted Excel template. Each template is one
// entry in TEMPLATES (src/app/templates) and one writer under src/render/excel/, loaded only when asked for.
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative } from 'node:path';
import { TEMPLATES, pickTemplate, type TemplateKind } from '../../../app/templates/pickTemplate.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { writeOutput } from '../../writeOutput.js';
import { typedOutput } from '../../../io/outputFile.js';

/** Each template's writer (exceljs is loaded only when one is asked for). */
const WRITERS: Record<TemplateKind['name'], (file: string, planYear: number) => Promise<void>> = {
  roster: async (file) => (await import('../../../render/excel/rosterTemplate.js')).writeRosterWorkbook(file),
  ledger: async (file) => (await import('../../../render/excel/ledgerTemplate.js')).writeLedgerWorkbook(file),
  books: async (file) => (await import('../../../render/excel/readingForms.js')).writeBooksTemplate(file),
  plan: async (file, year) => (await import('../../../render/excel/readingForms.js')).writePlanWorkbook(file, { year, branch: '', existing: [], requiredBooks: [] }),
};

export interface TemplateOptions {
  force?: boolean;
}

export function registerTemplate(program: Command, act: Act): void {
  program
    .command('template')
    .description('生成空白的 Excel 模板：表头、下拉选项、示例行和填表说明')
    .argument('[名称]', `模板名称：${TEMPLATES.map((t) => `${t.name}（${t.title}）`).join('、')}`)
    .argument('[文件]', '保存为哪个文件（默认在当前文件夹，文件名随模板而定）')
    .option('-f, --force', '文件已存在时覆盖它')
    .addHelpText('after', `
可用的模板：
${TEMPLATES.map((t) => `  ${t.name.padEnd(10)}${t.title}，默认保存为 ${t.defaultFile}`).join('\n')}

示例：
  shuxiang template roster
  shuxiang template roster 第一支部花名册.xlsx
  shuxiang template roster 花名册.xlsx --force
`)
    .action(act(runTemplate));
}

/** Writes the named template; without a name, lists the templates there are. */
export async function runTemplate(ctx: AppContext, name: string | undefined, fileArg: string | undefined, opts: TemplateOptions): Promise<void> {
  if (!name) {
    if (ctx.json) return ctx.outJson(TEMPLATES.map((t) => ({ name: t.name, title: t.title, defaultFile: t.defaultFile })));
    ctx.out(['可用的模板：', ...TEMPLATES.map((t) => `  ${t.name.padEnd(10)}${t.title}`)].join('\n'));
    ctx.info('用法：shuxiang template <名称> [文件]，例如 shuxiang template roster');
    return;
  }
  const { kind, planYear } = pickTemplate(name, ctx.today());
  const target = targetFile(ctx, fileArg ?? kind.defaultFile);
  if (existsSync(target) && statSync(target).isDirectory()) throw new UserError(`${target} 是一个文件夹，请给出要保存的文件名，如 ${kind.defaultFile}。`);
  if (!existsSync(dirname(target))) throw new UserError(`文件夹 ${dirname(target)} 不存在，请先创建它或换一个保存位置。`);
  const file = await writeOutput(ctx, { file: target, named: fileArg !== undefined, force: opts.force }, (tmp) => WRITERS[kind.name](tmp, planYear));
  if (ctx.json) return ctx.outJson({ template: kind.name, file });
  ctx.out(`已生成${kind.title}模板：${file}`);
  ctx.info(`填好后运行：${kind.importCommand} ${quoteArg(shownPath(ctx, file))}`);
}

/** The path to write: resolved against the working folder, .xlsx added when there is no extension. */
function targetFile(ctx: AppContext, arg: string): string {
  const ext = extname(arg).toLowerCase();
  if (ext === '') return typedOutput(ctx.path(arg), 'xlsx');
  if (ext !== '.xlsx') {
    throw new UserError(`模板只能保存为 .xlsx 文件，“${arg}”的扩展名是 ${ext}。`, ['请把文件名改成以 .xlsx 结尾，如 花名册.xlsx。']);
  }
  return ctx.path(arg);
}

/** A path as the user would type it: relative to the working folder when inside it. */
function shownPath(ctx: AppContext, file: string): string {
  const rel = relative(ctx.io.cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function quoteArg(s: string): string {
  return /[\s'"]/.test(s) ? `"${s}"` : s;
}
