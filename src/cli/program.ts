// Registers every command, in help order, with Chinese help aligned for CJK width. This eager registry is
// what tests walk; the binary goes through commandIndex.ts, which loads only the command it runs.
import type { Command } from 'commander';
import type { AppContext, AppIo } from './context.js';
import { baseProgram, translateCommanderError, type Act } from './programBase.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerMember } from './commands/member.js';
import { registerTemplate } from './commands/template.js';
import { registerSession } from './commands/session.js';
import { registerCheckin } from './commands/checkin.js';
import { registerSheet } from './commands/sheet.js';
import { registerRules } from './commands/rules.js';
import { registerLog } from './commands/log.js';
import { registerBooks } from './commands/books.js';
import { registerLend } from './commands/lend.js';
import { registerPlan } from './commands/plan.js';
import { registerRank } from './commands/rank.js';
import { registerAudit } from './commands/audit.js';
import { registerRemind } from './commands/remind.js';
import { registerReport } from './commands/report.js';
import { registerHistory } from './commands/history.js';
import { registerUndo } from './commands/undo.js';
import { registerBackup } from './commands/backup.js';
import { registerDoctor } from './commands/doctor.js';
import { registerExport } from './commands/export.js';

export { translateCommanderError };
export type { Act };

/** The whole program with every command registered. */
export function buildProgram(io: AppIo, state: { ctx?: AppContext }): Command {
  const { program, act } = baseProgram(io, state);
  registerInit(program, act);
  registerImport(program, act);
  registerMember(program, act);
  registerSession(program, act);
  registerCheckin(program, act);
  registerSheet(program, act);
  registerLog(program, act);
  registerBooks(program, act);
  registerLend(program, act);
  registerPlan(program, act);
  registerAudit(program, act);
  registerRemind(program, act);
  registerReport(program, act);
  registerRank(program, act);
  registerRules(program, act);
  registerHistory(program, act);
  registerUndo(program, act);
  registerBackup(program, act);
  registerDoctor(program, act);
  registerExport(program, act);
  registerTemplate(program, act);
  registerDemo(program, act);
  return program;
}
