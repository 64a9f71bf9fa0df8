// The rule set and working-day calendar a database uses (settings `rules` and `calendar`), loaded and
// validated once per command: audit, remind and rules share this.
import type { RuleContext, RuleSettings } from '../app/rules/ruleContext.js';
import type { Db } from '../store/db.js';
import type { Settings } from '../store/settings.js';
import type { AppContext } from './context.js';

export type { RuleContext, RuleSettings };

/** The rule context of the command's database (app/rules/ruleContext.ts, loaded when first needed). */
export async function loadRuleContext(ctx: AppContext, db: Db): Promise<RuleContext> {
  return (await import('../app/rules/ruleContext.js')).loadRules(db, ctx.dbPath());
}

/** Writes rule settings in one batch (so `undo` can take the change back). */
export async function saveRuleSettings(ctx: AppContext, db: Db, command: string, args: string, s: Partial<RuleSettings>): Promise<void> {
  const { inBatch } = await import('../store/batches.js');
  const { writeSettings } = await import('../store/settings.js');
  inBatch(db, { command, args, at: ctx.nowStamp() }, (_id, counts) => {
    writeSettings(db, s as Settings);
    counts.changed += Object.keys(s).length;
  });
}
