// `shuxiang import --kind signin FILE...`: reads filled sign-in sheets back (src/app/imports/signin.ts),
// then prints per sheet what changed and the session's figures. --dry-run shows what would change.
import { basename } from 'node:path';
import { importSigninSheets, type SigninImport } from '../../../app/imports/signin.js';
import type { SessionFigures } from '../../../domain/attendanceStats.js';
import { statusLabel } from '../../../domain/attendanceStatus.js';
import type { AppContext } from '../../context.js';
import type { ImportOptions } from '../../importing/options.js';
import { figuresFor, figuresJson, figuresLine, sessionTitle } from '../../args/session.js';

/** Reads, checks and (unless --dry-run) records the sign-in sheets; called by `import --kind signin`. */
export async function importSignin(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  const db = await ctx.openDb();
  const r = await importSigninSheets(db, { files: files.map((f) => ctx.path(f)), sheet: opts.sheet, skipInvalid: opts.skipInvalid, dryRun: opts.dryRun }, ctx.today(), ctx.nowStamp(), (m) => ctx.warn(m));
  const figs = await figuresFor(db, r.files.map((p) => p.session));
  printSignin(ctx, r, (id) => figs.get(id)!);
}

function printSignin(ctx: AppContext, { dryRun, problems, files }: SigninImport, figures: (session: number) => SessionFigures): void {
  if (ctx.json) {
    ctx.outJson({
      dryRun,
      problems: problems.length ? problems : undefined,
      files: files.map((p) => ({
        file: p.file, sheet: p.sheet, session: p.session.id, rows: p.entries.length, ...p.outcome,
        changes: p.changes.map((c) => ({ memberId: c.memberId, name: c.name, from: c.from, to: c.to })),
        blankAsAbsent: p.blankAsAbsent, struckAsAbsent: p.struckAsAbsent, skipped: p.skipped, notOnSheet: p.notOnSheet, counts: dryRun ? undefined : figuresJson(figures(p.session.id)),
      })),
    });
    return;
  }
  if (problems.length) ctx.warn(`跳过了 ${problems.length} 处有问题的行：\n  ${problems.join('\n  ')}`);
  const verb = dryRun ? '将' : '已';
  const perFile = new Map<string, number>();
  for (const p of files) perFile.set(p.file, (perFile.get(p.file) ?? 0) + 1);
  for (const p of files) {
    const o = p.outcome;
    // A workbook with a sheet per session: each sheet's line says which sheet it is.
    ctx.out(`${basename(p.file)}${perFile.get(p.file)! > 1 ? ` › ${p.sheet}` : ''} → ${sessionTitle(p.session)}：${verb}新增 ${o.added} 条，${verb}更新 ${o.changed} 条，未变 ${o.unchanged} 条`);
    if (!dryRun) ctx.out(`  ${figuresLine(figures(p.session.id))}`);
    if (p.changes.length) ctx.out(`  状态${dryRun ? '将' : '有'}改动的 ${p.changes.length} 人：${p.changes.map((c) => `${c.name} ${statusLabel(c.from, c.fromKind)} → ${statusLabel(c.to, c.toKind)}`).join('、')}`);
    if (p.kept.length) ctx.info(`  表上空白、保留原有状态的 ${p.kept.length} 人：${p.kept.map((k) => `${k.name}（${k.held ? statusLabel(k.held.status) : '未登记'}）`).join('、')}`);
    if (p.blankAsAbsent.length) ctx.info(`  签名和状态都空着、按缺席记的 ${p.blankAsAbsent.length} 人：${p.blankAsAbsent.join('、')}`);
    if (p.struckAsAbsent.length) ctx.info(`  签名栏划掉（“/”“—”“无”）、状态空着、按缺席记的 ${p.struckAsAbsent.length} 人：${p.struckAsAbsent.join('、')}`);
    if (p.notOnSheet) ctx.info(`  当日在册但不在这张表上的 ${p.notOnSheet} 人未登记（可用 shuxiang checkin ${p.session.id} 补登）。`);
  }
  if (dryRun) ctx.info('（--dry-run：只是预览，没有写入任何内容）');
}
