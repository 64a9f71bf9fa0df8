// What the binary runs: the root command plus only the command named on the command line, loaded on
// demand — every other command is a light stand-in carrying the line the top-level help lists for it.
// So `shuxiang --help` loads no command module at all, and `shuxiang member list` loads `member` alone
// (issue 7: start-up within 1.5 × `node -e 0`). This list is the one registry: a new command is one line
// here. test/unit/coldStart.test.ts checks each help line against the command's own definition.
import type { Command, Help } from 'commander';
import type { AppContext, AppIo } from './context.js';
import { baseProgram, Help as HelpClass, type Act } from './programBase.js';

type Register = (program: Command, act: Act) => void;

/** A module that registers one or more top-level commands, and how each appears in `shuxiang --help`. */
export interface CommandEntry {
  commands: { name: string; term: string; description: string }[];
  load: () => Promise<Register>;
}

const one = (name: string, term: string, description: string) => [{ name, term, description }];

/** Every command module, in help order. */
export const COMMANDS: CommandEntry[] = [
  { commands: one('init', 'init [options]', '创建数据库：机关名称、第一个支部、年度和规则集'), load: async () => (await import('./commands/init/index.js')).registerInit },
  { commands: one('import', 'import [options] <文件...>', '从 Excel/CSV 导入：花名册（默认）、签到表、学习台账等'), load: async () => (await import('./commands/import/index.js')).registerImport },
  { commands: one('member', 'member', '花名册：查看、添加、修改人员，登记转出'), load: async () => (await import('./commands/member/index.js')).registerMember },
  { commands: one('branch', 'branch', '支部：列出、新建、改名、合并、删除（--branch 写错时不会新建支部）'), load: async () => (await import('./commands/branch/index.js')).registerBranch },
  { commands: one('session', 'session', '学习活动：登记、列出、查看、修改、删除'), load: async () => (await import('./commands/session/index.js')).registerSession },
  { commands: one('checkin', 'checkin [options] [活动编号]', '签到：交互勾选，或用 --present 等选项登记'), load: async () => (await import('./commands/checkin/index.js')).registerCheckin },
  { commands: one('sheet', 'sheet [options] <活动编号> [文件]', '生成可打印的纸质签到表（A4 .xlsx）'), load: async () => (await import('./commands/sheet/index.js')).registerSheet },
  { commands: one('log', 'log', '个人学习记录：自学、听课、读书、心得文章、调研、宣讲、培训、考试、读书交流'), load: async () => (await import('./commands/log/index.js')).registerLog },
  { commands: one('books', 'books', '书目库与图书角：书目、册数和位置，借阅、逾期，书记荐书和必学书目'), load: async () => (await import('./commands/books/index.js')).registerBooks },
  {
    commands: [
      { name: 'lend', term: 'lend [options] <书> <姓名>', description: '图书角借书：登记某人借出一本书（默认借期 30 天）' },
      { name: 'return', term: 'return [options] <书> [姓名]', description: '图书角还书：登记归还，可同时记入借书人的读书记录' },
    ],
    load: async () => (await import('./commands/lend/index.js')).registerLend,
  },
  { commands: one('plan', 'plan', '年度学习计划：一月一主题、形式、必学书目、承办单位轮值，对照实际开展情况'), load: async () => (await import('./commands/plan/index.js')).registerPlan },
  { commands: one('audit', 'audit [options]', '达标检查：各项指标的达标情况，谁还差什么、截至何时'), load: async () => (await import('./commands/audit/index.js')).registerAudit },
  { commands: one('remind', 'remind [options]', '提醒：当前周期每人还差什么、截至何时，一人一句，可直接发到工作群'), load: async () => (await import('./commands/remind/index.js')).registerRemind },
  { commands: one('report', 'report [options]', '学习情况报表：本期概况与达标情况，年度学习台账（Excel）和工作总结（Word、Markdown）'), load: async () => (await import('./commands/report/index.js')).registerReport },
  { commands: one('rank', 'rank [options]', '年终评比：按读书、文章、参加率、自学、宣讲、调研、测试计分排名，生成表彰名单和荣誉证书'), load: async () => (await import('./commands/rank/index.js')).registerRank },
  { commands: one('rules', 'rules', '规则集：查看各项指标，复制一份自行修改，切换规则集，补充节假日安排'), load: async () => (await import('./commands/rules/index.js')).registerRules },
  { commands: one('history', 'history [options]', '写入记录：每次写入的时间、命令和增删改行数'), load: async () => (await import('./commands/history/index.js')).registerHistory },
  { commands: one('undo', 'undo [options] [编号]', '撤销最近一次（或指定的一次）写入'), load: async () => (await import('./commands/undo/index.js')).registerUndo },
  {
    commands: [
      { name: 'backup', term: 'backup [options] [文件]', description: '备份数据库（带日期的文件，权限 0600）' },
      { name: 'restore', term: 'restore [options] <文件>', description: '用备份文件恢复数据库' },
    ],
    load: async () => (await import('./commands/backup/index.js')).registerBackup,
  },
  { commands: one('doctor', 'doctor', '检查数据库是否健康，并给出改法'), load: async () => (await import('./commands/doctor/index.js')).registerDoctor },
  { commands: one('export', 'export [options] <文件>', '把整个数据库导出为一个 JSON 文件'), load: async () => (await import('./commands/export/index.js')).registerExport },
  { commands: one('template', 'template [options] [名称] [文件]', '生成空白的 Excel 模板：表头、下拉选项、示例行和填表说明'), load: async () => (await import('./commands/template/index.js')).registerTemplate },
  { commands: one('demo', 'demo [文件夹]', '用一个虚构的机关党支部生成示例数据，体验 shuxiang'), load: async () => (await import('./commands/demo/index.js')).registerDemo },
];

/** The whole program with every command registered (each command module loaded). */
export async function buildProgram(io: AppIo, state: { ctx?: AppContext }): Promise<Command> {
  const { program, act } = baseProgram(io, state);
  for (const entry of COMMANDS) (await entry.load())(program, act);
  return program;
}

/** The command a command line runs (`shuxiang --db x member list` → member; `help audit` → audit). */
export function commandNamed(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') { i++; continue; }
    if (a.startsWith('-')) continue;
    if (a !== 'help') return a;
    return argv.slice(i + 1).find((x) => !x.startsWith('-'));
  }
  return undefined;
}

/** The program for one command line: the named command registered for real, the others as stand-ins. */
export async function programFor(argv: string[], io: AppIo, state: { ctx?: AppContext }): Promise<Command> {
  const wanted = commandNamed(argv);
  if (wanted !== undefined && !COMMANDS.some((e) => e.commands.some((c) => c.name === wanted))) {
    // A command this index does not know (or a typo, which commander reports): the full registry.
    return buildProgram(io, state);
  }
  const { program, act } = baseProgram(io, state);
  // The stand-ins only serve the top-level help: a command line that names a command and asks for no
  // help never shows it, so it is spared building them (start-up, issue 7).
  const listing = wanted === undefined || argv.some((a) => a === '-h' || a === '--help' || a === 'help');
  const terms = new Map<Command, string>();
  for (const e of COMMANDS) {
    if (e.commands.some((c) => c.name === wanted)) {
      (await e.load())(program, act);
      continue;
    }
    if (listing) for (const c of e.commands) terms.set(program.command(c.name).description(c.description), c.term);
  }
  if (!listing) return program;
  const config = program.configureHelp();
  program.configureHelp({
    ...config,
    subcommandTerm(this: Help, cmd: Command) {
      return terms.get(cmd) ?? HelpClass.prototype.subcommandTerm.call(this, cmd);
    },
  } as Partial<Help>);
  return program;
}
