// The `template` use case: which blank template a name asks for, and what it is filled with. Add an entry
// to TEMPLATES (and its writer in the command) to add a template.
import { UserError } from '../../shared/errors.js';

/** One template the command can write. */
export interface TemplateKind {
  name: 'roster' | 'ledger' | 'books' | 'plan';
  title: string;
  defaultFile: string;
  /** The command that reads the filled-in file back. */
  importCommand: string;
}

/** The templates, in help order. */
export const TEMPLATES: TemplateKind[] = [
  { name: 'roster', title: '党员花名册', defaultFile: '党员花名册模板.xlsx', importCommand: 'shuxiang import' },
  { name: 'ledger', title: '个人学习台账', defaultFile: '个人学习台账模板.xlsx', importCommand: 'shuxiang import --kind ledger' },
  { name: 'books', title: '图书角书目', defaultFile: '图书角书目模板.xlsx', importCommand: 'shuxiang books import' },
  { name: 'plan', title: '年度学习计划', defaultFile: '年度学习计划模板.xlsx', importCommand: 'shuxiang import --kind plan' },
];

/** The template named (any case), and the year a blank plan is for (next year); an error lists the names. */
export function pickTemplate(name: string, today: string): { kind: TemplateKind; planYear: number } {
  const kind = TEMPLATES.find((t) => t.name === name.trim().toLowerCase());
  if (!kind) {
    throw new UserError(`没有名为“${name}”的模板。`, [
      `可用的模板：${TEMPLATES.map((t) => `${t.name}（${t.title}）`).join('、')}`,
      '例如：shuxiang template roster',
    ]);
  }
  return { kind, planYear: Number(today.slice(0, 4)) + 1 };
}
