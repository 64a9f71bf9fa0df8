// `shuxiang demo [DIR]`: a ready-made branch to try the tool on — a sample roster file, a database made
// the way `init` makes one, the roster imported into it, and what to try next. Each part is one step in
// DEMO_STEPS, so later features (sessions, evidence, audit, report) add a step each.
import type { Command } from 'commander';
import { existsSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { DemoOrganisation } from '../../../domain/demoData.js';
import type { Member } from '../../../domain/member.js';
import { UserError } from '../../../shared/errors.js';
import { displayWidth, padDisplay } from '../../../shared/width.js';
import { AppContext } from '../../context.js';
import { formatTable } from '../../output.js';
import type { Act } from '../../programBase.js';
import { ensureFolder, writeAtomically, writeFileAtomically } from '../../../io/atomicWrite.js';
import { createDatabase } from '../../../app/setup/createDatabase.js';
import { importRosterFile } from '../../importing/roster.js';
import { writeDemoYear } from './yearStep.js';
import { writeDemoReading } from './readingStep.js';
import { writeDemoAudit } from './auditStep.js';
import { describeDemoReport } from './reportStep.js';
import { demoOrganisation } from '../../../domain/demoData.js';
import { listMembers } from '../../../store/members.js';
import { maskPhone } from '../../../domain/idcard.js';

const DB_NAME = 'shuxiang.db';
const ROSTER_NAME = '示例花名册.xlsx';
/** Left in the folder so a second run knows the database there is a demo's and may be replaced. */
const MARKER = '.shuxiang-demo';

/** What the steps share: where things go, the data, and what to print at the end. */
export interface DemoState {
  ctx: AppContext;
  /** A context whose database is DIR/shuxiang.db (the user's --db is left alone). */
  demoCtx: AppContext;
  dir: string;
  /** The folder as the user would type it in a next-step command. */
  shownDir: string;
  data: DemoOrganisation;
  rosterFile: string;
  /** Lines printed first: what the demo holds. */
  headline: string[];
  /** Blocks printed under the headline (tables). */
  sections: string[];
  files: [string, string][];
  /** Commands to try next, with what each shows. */
  next: [string, string][];
  json: Record<string, unknown>;
}

/** One part of the demo; later issues append one. */
export interface DemoStep {
  title: string;
  run: (s: DemoState) => Promise<void>;
}

/** The demo, in order. */
export const DEMO_STEPS: DemoStep[] = [
  {
    title: '生成示例花名册',
    run: async (s) => {
      const { writeRosterWorkbook } = await import('../../../render/excel/rosterTemplate.js');
      await writeAtomically(s.rosterFile, (tmp) => writeRosterWorkbook(tmp, { title: `${s.data.branch}党员花名册`, rows: s.data.members }));
      s.files.push([join(s.shownDir, ROSTER_NAME), '示例花名册，格式与 shuxiang template roster 生成的模板相同']);
      s.json.roster = s.rosterFile;
    },
  },
  {
    title: '创建示例数据库',
    run: async (s) => {
      const { organ, branch, year, rules } = s.data;
      createDatabase(await s.demoCtx.openDb({ create: true }), { organ, branch, year: String(year), rules }, s.demoCtx.nowStamp(), 'demo');
      s.files.push([join(s.shownDir, DB_NAME), '示例数据库（数据均为虚构，可随时删除）']);
      s.json.db = s.demoCtx.dbPath();
    },
  },
  {
    title: '导入花名册',
    run: async (s) => {
      s.json.import = await importRosterFile(s.demoCtx, s.rosterFile, {});
      await describeRoster(s);
    },
  },
  {
    title: '生成一年的学习记录',
    run: writeDemoYear,
  },
  {
    title: '图书角、学习计划和年终评比',
    run: writeDemoReading,
  },
  {
    title: '达标检查',
    run: writeDemoAudit,
  },
  {
    title: '统计全年学习情况',
    run: describeDemoReport,
  },
];

export function registerDemo(program: Command, act: Act): void {
  program
    .command('demo')
    .description('用一个虚构的机关党支部生成示例数据，体验 shuxiang')
    .argument('[文件夹]', '示例放在哪个文件夹（默认 ./shuxiang-demo；其中旧的示例数据库会被替换）')
    .addHelpText('after', `
示例：
  shuxiang demo
  shuxiang demo 我的示例
  shuxiang member list --db shuxiang-demo/shuxiang.db
`)
    .action(act(runDemo));
}

export async function runDemo(ctx: AppContext, dirArg: string | undefined): Promise<void> {
  const dir = ctx.path(dirArg ?? 'shuxiang-demo');
  await prepareFolder(dir);
  const demoCtx = new AppContext(ctx.io, { ...ctx.globals, db: join(dir, DB_NAME) });
  const rel = relative(ctx.io.cwd, dir);
  const s: DemoState = {
    ctx, demoCtx, dir,
    shownDir: rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir,
    data: demoOrganisation(undefined, ctx.today()),
    rosterFile: join(dir, ROSTER_NAME),
    headline: [], sections: [], files: [], next: [],
    json: { dir },
  };
  try {
    for (const [i, step] of DEMO_STEPS.entries()) {
      ctx.info(`[${i + 1}/${DEMO_STEPS.length}] ${step.title}…`);
      await step.run(s);
    }
  } finally {
    demoCtx.closeAll();
  }
  if (ctx.json) return ctx.outJson(s.json);
  ctx.out([
    ...s.headline,
    '',
    ...s.sections.flatMap((x) => [x, '']),
    '生成的文件：',
    ...aligned(s.files),
    '',
    '接下来可以试试：',
    ...aligned(s.next),
  ].join('\n'));
}

/** Makes DIR, refusing to touch a database there that an earlier demo did not make. */
async function prepareFolder(dir: string): Promise<void> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UserError(`${dir} 是一个文件，不是文件夹。请换一个文件夹名，如 shuxiang demo shuxiang-demo。`);
  }
  const db = join(dir, DB_NAME);
  const ours = existsSync(join(dir, MARKER));
  const clash = [db, join(dir, ROSTER_NAME)].filter((f) => existsSync(f));
  if (!ours && clash.length > 0) {
    throw new UserError(`文件夹 ${dir} 中已有 ${clash.map((f) => f.slice(dir.length + 1)).join('、')}，它们不是 shuxiang demo 生成的，demo 不会覆盖。`, [
      '请换一个文件夹，例如：shuxiang demo shuxiang-demo',
    ]);
  }
  try {
    ensureFolder(dir); // 0700, as every folder the tool makes
    await writeFileAtomically(join(dir, MARKER), '此文件夹由 shuxiang demo 生成，其中的数据均为虚构，可整个删除。\n');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  } catch (e) {
    throw new UserError(`无法准备示例文件夹 ${dir}：${(e as Error).message}`, ['请检查写入权限，或关闭正在使用示例数据库的程序后重试。']);
  }
}

/** The headline and roster table a new user sees first, read back from the demo database. */
async function describeRoster(s: DemoState): Promise<void> {
  const members = listMembers(await s.demoCtx.openDb());
  const leaders = members.filter((m) => m.leader).length;
  const probationary = members.filter((m) => m.category?.startsWith('预备')).length;
  const moves = [
    ...members.filter((m) => m.onRollFrom).map((m) => `${m.name} ${m.onRollFrom} 转入`),
    ...members.filter((m) => m.onRollLeft).map((m) => `${m.name} ${m.onRollLeft} 转出`),
  ];
  s.headline.push(
    `示例数据已准备好：${s.data.organ} · ${s.data.branch}（${s.data.year} 年度）`,
    `花名册 ${members.length} 人，班子成员 ${leaders} 人，预备党员 ${probationary} 人${moves.length ? `；${moves.join('，')}` : ''}。`,
  );
  const rollNote = (m: Member) => (m.onRollLeft ? `${m.onRollLeft} 转出` : m.onRollFrom ? `${m.onRollFrom} 转入` : '');
  s.sections.push(`花名册（手机号已打码）：\n${formatTable<Member>([
    { header: '姓名', value: (m) => m.name },
    { header: '性别', value: (m) => m.gender },
    { header: '类别', value: (m) => m.category },
    { header: '职务', value: (m) => m.jobTitle },
    { header: '党内职务', value: (m) => m.partyPost },
    { header: '联系电话', value: (m) => (m.phone ? maskPhone(m.phone) : '') },
    { header: '转入/转出', value: rollNote },
  ], members)}`);
  Object.assign(s.json, { organ: s.data.organ, branch: s.data.branch, year: s.data.year, members: members.length, leaders, probationary });
  const db = quoteArg(join(s.shownDir, DB_NAME));
  const someone = members.find((m) => m.name.startsWith('欧阳'))?.name ?? members[0]?.name ?? '';
  s.next.push(
    [`shuxiang member list --db ${db}`, '查看今天在册的人员'],
    [`shuxiang member list --all --db ${db}`, '包括已转出的人员'],
    [`shuxiang member show ${someone} --db ${db}`, '查看一个人的详细信息'],
    ['shuxiang template roster', '生成空白的花名册模板，填好后用 shuxiang import 导入'],
  );
}

function aligned(rows: [string, string][]): string[] {
  const w = Math.max(0, ...rows.map(([a]) => displayWidth(a)));
  return rows.map(([a, b]) => `  ${padDisplay(a, w)}  ${b}`);
}

function quoteArg(s: string): string {
  return /[\s'"]/.test(s) ? `"${s}"` : s;
}
