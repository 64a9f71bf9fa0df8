// The root of the command line, shared by the eager registry (program.ts, for tests) and the lazy one
// (commandIndex.ts, what the binary runs): Chinese help aligned for CJK width, the global options, and
// the wrapper that hands each command its AppContext.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, type Option } from 'commander';
import type { AppContext, AppIo } from './context.js';
import { cjkHelp, fitHelpText, terminalWidth, type SizedStream } from './helpFormat.js';

// commander is bundled into the shipped file (src/build/bundle.ts), without its eager child_process.
/** commander's classes, for the other modules on the start-up path (the same objects `import 'commander'` gives). */
export { Command, CommanderError, Help };

/** The version in package.json (read, not imported: the file sits outside dist/, and JSON modules cost start-up). */
export function packageVersion(file: URL = new URL('../../package.json', import.meta.url)): string {
  try {
    return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version ?? '未知');
  } catch {
    return '未知（找不到 package.json）';
  }
}

/** Every command of the program: its hand-written help text is fitted to the terminal's width when shown. */
class ShuxiangCommand extends Command {
  override createCommand(name?: string): Command {
    return new ShuxiangCommand(name);
  }

  override addHelpText(position: 'beforeAll' | 'before' | 'after' | 'afterAll', text: string | ((context: { error: boolean; command: Command }) => string)): this {
    return super.addHelpText(position, (context) => {
      const raw = typeof text === 'function' ? text(context) : text;
      const output = this.configureOutput();
      const width = (context.error ? output.getErrHelpWidth?.() : output.getOutHelpWidth?.()) ?? 80;
      return raw && fitHelpText(raw, width);
    });
  }
}

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** Wraps a command body: builds the AppContext from the global flags and hands it over. */
export type Act = <A extends unknown[]>(body: (ctx: AppContext, ...args: A) => Promise<void>) => (...args: unknown[]) => Promise<void>;

/** The root command: description, Chinese help, global options, error handling — no subcommands yet. */
export function baseProgram(io: AppIo, state: { ctx?: AppContext }): { program: Command; act: Act } {
  const program = new ShuxiangCommand('shuxiang');
  program
    .description('书香：党支部学习台账与“四带头”“五坚持”达标检查工具')
    .configureHelp({
      ...cjkHelp,
      styleTitle: (s: string) => TITLES[s] ?? s,
      styleUsage: (s: string) => s.replace('[options]', '[选项]').replace('[command]', '[命令]'),
      styleSubcommandTerm: (s: string) => s.replace('[options]', '[选项]'),
      optionDescription: (o: Option) => o.description,
      sortSubcommands: false,
    } as Partial<Help>)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => terminalWidth(io.stdout as SizedStream, io.env),
      getErrHelpWidth: () => terminalWidth(io.stderr as SizedStream, io.env),
      outputError: () => {},
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .option('--db <文件>', '数据库文件（默认 ./shuxiang.db，也可设置环境变量 SHUXIANG_DB）')
    .option('--json', '以 JSON 输出结果（供程序读取，不带颜色）')
    .option('--no-color', '不使用颜色（也可设置环境变量 NO_COLOR）')
    .option('-q, --quiet', '只输出结果，不输出提示信息')
    .option('-v, --verbose', '输出更详细的信息')
    .addHelpText(
      'after',
      `
快速开始：
  shuxiang demo                         用示例数据体验一遍
  shuxiang init                         创建数据库（会询问机关、支部名称等）
  shuxiang import 花名册.xlsx           导入党员花名册
  shuxiang member list                  查看花名册

退出码：0 成功；1 检查发现未达标；2 用法或输入有误；3 数据库问题。
`,
    );

  const act: Act = (body) => async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    // Loaded only when a command runs: `--help` never needs it.
    const { AppContext } = await import('./context.js');
    const ctx = new AppContext(io, cmd.optsWithGlobals());
    state.ctx = ctx;
    await body(ctx, ...(args.slice(0, -1) as never));
  };
  return { program, act };
}

/** Commander's English errors, said in Chinese. */
export function translateCommanderError(e: CommanderError): string {
  const [first = '', ...rest] = e.message.replace(/^error:\s*/, '').split('\n');
  const hint = /\(Did you mean (?:one of )?(.+)\?\)/.exec(rest.join('\n'));
  const said = translateLine(first);
  return hint ? `${said}\n是不是 ${hint[1]!.split(', ').join('、')}？` : said;
}

function translateLine(m: string): string {
  let r: RegExpExecArray | null;
  if ((r = /unknown option '([^']+)'/.exec(m))) return `不认识的选项 ${r[1]}`;
  if ((r = /unknown command '([^']+)'/.exec(m))) return `不认识的命令 ${r[1]}`;
  if ((r = /missing required argument '([^']+)'/.exec(m))) return `缺少参数 <${r[1]}>`;
  if ((r = /option '([^']+)' argument missing/.exec(m))) return `选项 ${r[1]} 后面缺少取值`;
  if ((r = /required option '([^']+)' not specified/.exec(m))) return `必须提供选项 ${r[1]}`;
  if ((r = /too many arguments(?: for '([^']+)')?/.exec(m))) return `参数太多${r[1] ? `（命令 ${r[1]}）` : ''}`;
  if ((r = /option '([^']+)' argument '([^']*)' is invalid/.exec(m))) return `选项 ${r[1]} 的取值“${r[2]}”无效`;
  if ((r = /command-argument value '([^']*)' is invalid for argument '([^']+)'/.exec(m))) return `参数 ${r[2]} 的取值“${r[1]}”无效`;
  return m;
}
