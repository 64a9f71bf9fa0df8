// The `report` use case (SPEC §6.5): the period report model, the --template a user brings, and the plan
// of the files asked for — each file's name (the period's default name when the flag has no value), the
// masked model the ledger workbook is written from, the summary's fields and blocks. The command hands the
// plan to the renderers and the one atomic writer.
import { maskDeep, maskInPlace } from '../../domain/pii.js';
import type { Period } from '../../domain/periods.js';
import { defaultWording, readWordingTemplate } from '../../io/reportTemplate.js';
import { buildPeriodReport } from '../../reports/periodReport.js';
import type { PeriodReport } from '../../reports/periodReportTypes.js';
import { defaultFileName, type ReportKind } from '../../reports/reportNames.js';
import { summaryBlocks, type SummaryBlock } from '../../reports/summaryBlocks.js';
import { summaryFields } from '../../reports/summaryFields.js';
import { UserError } from '../../shared/errors.js';
import type { Db } from '../../store/db.js';
import type { RuleContext } from '../rules/ruleContext.js';

export interface ReportInput {
  /** The rule set and calendar the database uses (app/rules/ruleContext.ts: loadRules). */
  context: RuleContext;
  asOf: string;
  period: Period & { kind: ReportKind };
  branchId?: number;
  /** Full id-card and phone numbers in the ledger. */
  reveal?: boolean;
  /** Read the audit's evidence on two threads at organ scale (not for the ledger: its peak has no room). */
  parallel?: boolean;
}

/** The period report of one branch or all. */
export function buildReport(db: Db, input: ReportInput): PeriodReport {
  const { loaded, calendar } = input.context;
  return buildPeriodReport(db, { ruleSet: loaded.ruleSet, calendar, asOf: input.asOf, period: input.period, branchId: input.branchId, reveal: input.reveal, parallel: input.parallel });
}

/** A loaded --template: a wording template (.md) or a user's .docx with placeholders. */
export type TemplateOption = { kind: 'md'; file: string; text: string } | { kind: 'docx'; file: string };

/** Reads the template at `file` (`raw` as the user typed it, for the message). */
export function loadReportTemplate(file: string, raw: string): TemplateOption {
  if (/\.docx$/i.test(file)) {
    readWordingTemplate(file, 'docx');
    return { kind: 'docx', file };
  }
  if (/\.(md|txt)$/i.test(file)) return { kind: 'md', file, text: readWordingTemplate(file, 'md') };
  throw new UserError(`--template 只接受 .docx（带 {{占位符}} 的 Word 文件）或 .md（措辞模板），“${raw}”两者都不是。`, [
    '如果是 .doc 或 .wps 文件，请先在 Word/WPS 中另存为 .docx。',
  ]);
}

export type ReportExt = 'xlsx' | 'docx' | 'md' | 'pdf';

/** Which files to write: a name, or true for the default name. */
export interface ReportFileRequest {
  xlsx?: string | true;
  docx?: string | true;
  md?: string | true;
  pdf?: string | true;
  template?: TemplateOption;
}

/** What to write, ready for the renderers. Free text (topics, notes, the user's wording) is masked unless revealed. */
export interface ReportFilePlan extends ReportFileRequest {
  /** The ledger workbook's model (when --xlsx). */
  ledger?: PeriodReport;
  /** The written summary (when --docx, --md or --pdf): its placeholder values, and the blocks when the summary is made from wording. */
  summary?: { fields: Record<string, string>; blocks?: SummaryBlock[]; unknownWording: string[] };
}

/** The file a flag names: its value (with the extension added when missing), or the period's default name. */
export function reportFileName(r: PeriodReport, v: string | true, ext: ReportExt): string {
  const f = v === true ? defaultFileName(r.period, ext) : v;
  return f.toLowerCase().endsWith(`.${ext}`) ? f : `${f}.${ext}`;
}

/** Plans the files asked for; a .docx template alone asks for the .docx. */
export function planReportFiles(r: PeriodReport, o: ReportFileRequest): ReportFilePlan {
  const docx = o.docx ?? (o.template?.kind === 'docx' ? true : undefined);
  const plan: ReportFilePlan = { ...o, docx };
  // The model is this command's own: masked where it is, not copied (peak memory at organ scale).
  if (o.xlsx !== undefined) plan.ledger = maskInPlace(r, r.revealed);
  if (docx === undefined && o.md === undefined && o.pdf === undefined) return plan;
  const fields = maskDeep(summaryFields(r), r.revealed);
  // The .docx (asked for, or made for the .pdf) comes from the wording unless it fills the user's .docx.
  const fromBlocks = (docx !== undefined || o.pdf !== undefined) && o.template?.kind !== 'docx';
  if (o.md === undefined && !fromBlocks) return { ...plan, summary: { fields, unknownWording: [] } };
  const wording = o.template?.kind === 'md' ? o.template.text : defaultWording();
  const made = summaryBlocks(wording, r, fields);
  return { ...plan, summary: { fields, blocks: maskDeep(made.blocks, r.revealed), unknownWording: made.unknown } };
}
