// `shuxiang report`: the period report (SPEC §6.5) — a terminal summary by default, the model as JSON,
// and the paperwork: the ledger workbook (--xlsx), the written summary (--docx, --md), optionally
// filled into the organ's own .docx template (--template): the use case in src/app/report/buildReport.ts.
// Each file is written beside itself and renamed.
import type { Command } from 'commander';
import { buildReport, loadReportTemplate, planReportFiles } from '../../../app/report/buildReport.js';
import { loadRules } from '../../../app/rules/ruleContext.js';
import { branchLines, renderReportText } from '../../../render/terminal/reportText.js';
import { displayWidth, padDisplay } from '../../../shared/width.js';
import { requireBranch } from '../../args/branch.js';
import { auditAsOf } from '../../args/dates.js';
import { writeReportFiles } from './files.js';
import { parsePeriodId, periodContaining, type Period } from '../../../domain/periods.js';
import type { PeriodReport } from '../../../reports/periodReportTypes.js';
import type { ReportKind } from '../../../reports/reportNames.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';

/** The flags of `report`; a period flag or file flag given without a value is `true`. */
export interface ReportOptions {
  month?: string | true;
  quarter?: string | true;
  half?: string | true;
  year?: string | true;
  asOf?: string;
  branch?: string;
  xlsx?: string | true;
  docx?: string | true;
  md?: string | true;
  pdf?: string | true;
  template?: string;
  reveal?: boolean;
  force?: boolean;
  byBranch?: boolean;
}

export function registerReport(program: Command, act: Act): void {
  program
    .command('report')
    .description('学习情况报表：本期概况与达标情况，年度学习台账（Excel）和工作总结（Word、Markdown）')
    .option('--month [月份]', '按月统计，如 2026-03（不写取值则为截止日期所在的月）')
    .option('--quarter [季度]', '按季度统计，如 2026-Q1 或 2026Q1（不写取值则为当前季度）')
    .option('--half [半年]', '按半年统计，如 2026-H1（不写取值则为当前半年）')
    .option('--year [年份]', '按年度统计，如 2026（不写取值则为当前年度；默认）')
    .option('--as-of <日期>', '统计截至哪一天（默认今天）')
    .option('--branch <支部>', '只统计一个支部（默认全部支部）')
    .option('--xlsx [文件]', '生成学习台账 Excel（默认文件名如 2026年度学习台账.xlsx）')
    .option('--docx [文件]', '生成工作总结 Word（GB/T 9704 版式）')
    .option('--md [文件]', '生成工作总结 Markdown 文本（与 Word 内容相同）')
    .option('--pdf [文件]', '生成工作总结 PDF（由 Word 版经 LibreOffice 转换，需已安装 LibreOffice）')
    .option('--template <文件>', '自己的模板：带 {{占位符}} 的 .docx，或 .md 措辞模板（见下）')
    .option('--reveal', '台账中显示完整的身份证号和手机号（默认打码）')
    .option('-f, --force', '要写的文件已存在时覆盖它')
    .option('--by-branch', '只看各支部对比（每个支部一行，差的在前）；多个支部时报表和台账、总结里都有这张对比表')
    .addHelpText('after', `
示例：
  shuxiang report --quarter                         当前季度的概况与达标情况
  shuxiang report --quarter 2026Q1 --as-of 2026-03-31
  shuxiang report --year 2026 --xlsx --docx        生成 2026年度学习台账.xlsx 和工作总结 .docx
  shuxiang report --year 2026 --docx 总结.docx --template 我局模板.docx
  shuxiang report --year 2026 --pdf                生成工作总结 PDF（需 LibreOffice）
  shuxiang --json report --month 2026-03 > 三月.json

不写文件名时保存在当前文件夹：2026年度学习台账.xlsx、2026年度学习型党组织建设工作总结.docx（.md），
季度为 2026年第一季度学习台账.xlsx 等。

Word 模板（--template 某某.docx）：在自己的 Word 文件里写 {{机关}}、{{支部}}、{{期间}}、{{在册人数}}、
{{活动次数}}、{{出勤率}}、{{人均学时}}、{{读书数}}、{{心得篇数}}、{{学习计划情况}}、{{未达标情况}}
等占位符（全部名称见 README“报表：report”一节或 templates/report/summary.md 开头），
程序在正文、页眉页脚的文字中替换它们，
保留原有排版；表格不会自动生成。也可给一个 .md 措辞模板，替换默认的总结文字。
文件已存在时不会被覆盖（包括手工改过的总结）：指定了文件名的会报错，加 --force 才覆盖；用默认文件名的
另存为“2026年度学习台账（2）.xlsx”等下一个编号，并提示。先写临时文件，写完再换上，不会留下半个文件。
`)
    .action(act(runReport));
}

const FLAGS = ['year', 'half', 'quarter', 'month'] as const;
const EXAMPLES: Record<ReportKind, string> = { year: '2026', half: '2026-H1', quarter: '2026-Q1', month: '2026-03' };

/** The period named by --year/--half/--quarter/--month (a flag without a value: the one holding the as-of date). */
export function reportPeriod(o: ReportOptions, asOf: string): Period & { kind: ReportKind } {
  const given = FLAGS.filter((k) => o[k] !== undefined);
  if (given.length > 1) throw new UserError(`${given.map((k) => `--${k}`).join(' 和 ')} 不能同时使用，请只给一个期间。`);
  const kind: ReportKind = given[0] ?? 'year';
  const raw = o[kind];
  let p: Period | undefined;
  if (raw === undefined || raw === true) p = periodContaining(kind, asOf);
  else {
    const t = raw.normalize('NFKC').trim().toUpperCase();
    const y = asOf.slice(0, 4);
    const short = kind === 'quarter' ? /^Q?([1-4])$/.exec(t) : kind === 'half' ? /^H?([12])$/.exec(t) : kind === 'month' ? /^(\d{1,2})$/.exec(t) : null;
    p = short ? parsePeriodId(kind === 'month' ? `${y}-${short[1]!.padStart(2, '0')}` : `${y}-${kind === 'quarter' ? 'Q' : 'H'}${short[1]}`) : parsePeriodId(t);
    if (!p || p.kind !== kind) throw new UserError(`--${kind} 的取值“${raw}”无效，应写成 ${EXAMPLES[kind]} 这样的格式。`);
  }
  if (p.start > asOf) {
    throw new UserError(`${p.id} 在统计截止日期 ${asOf} 之后，还没有可统计的内容。`, ['如要统计那个期间，请用 --as-of 给出更晚的日期。']);
  }
  return p as Period & { kind: ReportKind };
}

export async function runReport(ctx: AppContext, o: ReportOptions): Promise<void> {
  const asOf = auditAsOf(ctx, o.asOf);
  const period = reportPeriod(o, asOf);
  const template = o.template ? loadReportTemplate(ctx.path(o.template), o.template) : undefined;
  const db = await ctx.openDb({ readonly: true });
  const context = loadRules(db, ctx.dbPath());
  const branch = o.branch ? requireBranch(db, o.branch) : undefined;
  ctx.progress({ stage: '判定各项指标' });
  // The ledger workbook's peak stays under 300 MiB only on one thread (issue 18).
  const report = buildReport(db, { context, asOf, period, branchId: branch?.id, reveal: o.reveal, parallel: o.xlsx === undefined });

  const plan = planReportFiles(report, { xlsx: o.xlsx, docx: o.docx, md: o.md, pdf: o.pdf, template });
  const written = await writeReportFiles(ctx, report, plan, o.force);
  if (ctx.json) return ctx.outJson(report, { compact: true });
  if (o.byBranch && !report.byBranch) throw new UserError('--by-branch 是各支部的对比，需要数据库中有多个支部且不给 --branch。');
  if (written.length === 0 && o.byBranch) {
    ctx.out([`各支部对比：${report.branch} · ${report.period.label}（截至 ${report.asOf}）`, ...branchLines(ctx.paint, report)].join('\n'));
    return;
  }
  if (written.length === 0) {
    ctx.out(renderReportText(ctx.paint, report));
    return;
  }
  ctx.info(headlineLine(report));
  const w = Math.max(...written.map(([f]) => displayWidth(f)));
  ctx.out(['已生成：', ...written.map(([f, what]) => `  ${padDisplay(f, w)}  ${what}`)].join('\n'));
}

function headlineLine(r: PeriodReport): string {
  return `${r.branch} · ${r.period.label}（截至 ${r.asOf}）：活动 ${r.headline.sessionsHeld} 次，未达标 ${r.audit.gapCount} 项，进行中 ${r.audit.openCount} 项。`;
}
