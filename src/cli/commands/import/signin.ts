// `shuxiang import --kind signin FILE...`: reads filled sign-in sheets back. Every file is checked in full
// first (each problem named by file › sheet › cell, in Chinese); nothing is written unless all is well
// (or --skip-invalid), then all files go in as one batch. --dry-run shows what would change.
import { basename } from 'node:path';
import { parseExcuseKind, parseStatusText, signinNotYet, statusLabel, type ExcuseKind } from '../../../domain/attendanceStatus.js';
import { isFutureDay } from '../../../domain/dates.js';
import { didYouMean, findByName } from '../../../domain/nameSuggest.js';
import type { Member } from '../../../domain/member.js';
import { cleanName } from '../../../domain/text.js';
import { UserError } from '../../../shared/errors.js';
import type { AttendanceEntry, RecordOutcome } from '../../../store/attendance.js';
import type { SessionRecord } from '../../../store/sessions.js';
import type { AppContext } from '../../context.js';
import type { ImportOptions } from '../../importing/options.js';
import { expectedMembers, figuresFor, figuresJson, figuresLine, sessionTitle } from '../../args/session.js';

interface FilePlan {
  file: string;
  sheet: string;
  session: SessionRecord;
  entries: AttendanceEntry[];
  blankAsAbsent: string[];
  /** Members who already had a status before this import. */
  known: Set<number>;
  notOnSheet: number;
  skipped: number;
}

/** Reads, checks and (unless --dry-run) records the sign-in sheets; called by `import --kind signin`. */
export async function importSignin(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  const { readGrids } = await import('../../../io/readGrids.js');
  const { readSigninGrid } = await import('../../../io/excel/signinRead.js');
  const { getSession } = await import('../../../store/sessions.js');
  const { attendanceForSession } = await import('../../../store/attendance.js');
  const db = await ctx.openDb();
  const problems: string[] = [];
  const plans: FilePlan[] = [];
  const seenSessions = new Map<number, string>();
  for (const f of files) {
    const path = ctx.path(f);
    const name = basename(path);
    const grids = await readGrids(path);
    const candidates = opts.sheet ? grids.filter((g) => g.name === opts.sheet) : grids;
    if (opts.sheet && candidates.length === 0) {
      problems.push(`${name}：没有名为“${opts.sheet}”的工作表（有：${grids.map((g) => g.name).join('、')}）。`);
      continue;
    }
    const found = candidates.map((g) => ({ g, t: readSigninGrid(g) })).find((x) => x.t);
    if (!found) {
      problems.push(`${name}：找不到签到表的表头（需要有“姓名”和“状态”或“签名”列）。请使用 shuxiang sheet 生成的签到表。`);
      continue;
    }
    const { g, t } = found as { g: { name: string }; t: NonNullable<ReturnType<typeof readSigninGrid>> };
    const where = (cell: string) => `${name} › ${g.name} › ${cell}`;
    if (t.sessionId === undefined) {
      problems.push(`${name} › ${g.name}：表中没有活动编号，无法知道是哪次活动的签到。请在表头写上“活动编号：12”（编号见 shuxiang session list），或用 shuxiang sheet 重新生成签到表。`);
      continue;
    }
    const session = getSession(db, t.sessionId);
    if (!session) {
      problems.push(`${name} › ${g.name}：签到表上的活动编号 ${t.sessionId} 在数据库中不存在（可能已删除，或这张表来自另一个数据库）。`);
      continue;
    }
    if (seenSessions.has(session.id)) {
      problems.push(`${name}：与 ${seenSessions.get(session.id)} 是同一次活动（#${session.id}）的签到表，请只导入其中一份。`);
      continue;
    }
    seenSessions.set(session.id, name);
    const members = await expectedMembers(db, session);
    const byId = new Map(members.map((m) => [m.id, m]));
    const known = new Set(attendanceForSession(db, session.id).map((a) => a.memberId));
    const plan: FilePlan = { file: path, sheet: g.name, session, entries: [], blankAsAbsent: [], known, notOnSheet: 0, skipped: 0 };
    const taken = new Map<number, number>();
    for (const r of t.rows) {
      const before = problems.length;
      let member: Member | undefined;
      if (r.memberId) {
        const id = Number(r.memberId);
        member = Number.isInteger(id) ? byId.get(id) : undefined;
        if (!member) problems.push(`${where(r.at.memberId ?? r.at.name)}：人员编号“${r.memberId}”不是 ${session.date} ${session.branch}在册的人员。请不要修改隐藏的“人员编号”列。`);
        else if (r.name && cleanName(r.name) !== member.name) problems.push(`${where(r.at.name)}：姓名“${r.name}”与人员编号 ${member.id}（${member.name}）不一致。请不要挪动或改写已打印的姓名。`);
      } else if (!r.name) {
        problems.push(`${where(r.at.name)}：这一行填了内容但没有姓名。`);
      } else {
        const { found: same, near } = findByName(r.name, members);
        if (same.length === 1) member = same[0];
        else if (same.length === 0) problems.push(`${where(r.at.name)}：“${r.name}”不是 ${session.date} ${session.branch}在册的人员。${didYouMean(near.map((m) => m.name))}`);
        else problems.push(`${where(r.at.name)}：在册人员中有 ${same.length} 个“${r.name}”，请用 shuxiang sheet 生成的表（带人员编号）来区分。`);
      }
      let parsed: { status: AttendanceEntry['status']; excuseKind?: ExcuseKind } | undefined;
      if (r.status) {
        parsed = parseStatusText(r.status);
        if (!parsed) problems.push(`${where(r.at.status)}：状态“${r.status}”无法识别。可填：出席、迟到、请假（或 事假、病假、公假）、缺席，也可用 ✓、迟、假、✗。`);
      }
      const notYet = signinNotYet(session.id, session.date, parsed?.status ?? (r.signature ? 'present' : 'excused'), ctx.today());
      if (notYet) problems.push(`${where(r.at.status)}：${notYet}（“状态”栏只能填请假）；出席、迟到、缺席请在活动当天或之后登记。`);
      if (member && taken.has(member.id)) problems.push(`${where(r.at.name)}：${member.name} 在第 ${taken.get(member.id)} 行已经出现过。`);
      if (problems.length > before) {
        plan.skipped++;
        continue;
      }
      taken.set(member!.id, r.row);
      if (!parsed) {
        if (r.signature) parsed = { status: 'present' };
        // Before the day a blank line is nobody's 缺席 yet; after it, only people with no status yet become 缺席.
        else if (isFutureDay(session.date, ctx.today())) continue;
        else {
          parsed = { status: 'absent' };
          if (!known.has(member!.id)) plan.blankAsAbsent.push(member!.name);
        }
      }
      const entry: AttendanceEntry = { memberId: member!.id, status: parsed.status, reason: r.note || undefined, ...(!r.status && !r.signature ? { onlyIfNew: true } : {}) };
      if (parsed.status === 'excused') entry.excuseKind = parsed.excuseKind ?? parseExcuseKind(r.note.split(/[,，;；\s:：]/)[0] ?? '');
      plan.entries.push(entry);
    }
    if (t.rows.length && t.rows.every((r) => !r.signature && !r.status)) {
      problems.push(`${name} › ${g.name}：表上没有任何签名或状态，像是还没填写的空表；导入会把所有人记为缺席，因此没有导入。请填好后再导入。`);
      continue;
    }
    plan.notOnSheet = members.filter((m) => !taken.has(m.id)).length;
    plans.push(plan);
  }
  if (problems.length && !opts.skipInvalid) {
    throw new UserError(`签到表中有 ${problems.length} 处问题，没有导入任何内容：`, [
      ...problems,
      '改正后重新导入；或加 --skip-invalid 只导入没有问题的行。',
    ]);
  }
  const { recordAttendance } = await import('../../../store/attendance.js');
  const { inBatch } = await import('../../../store/batches.js');
  let outcomes: RecordOutcome[];
  if (opts.dryRun) {
    const { previewAttendance } = await import('../../../store/attendance.js');
    outcomes = plans.map((p) => previewAttendance(db, p.session.id, p.entries));
  } else {
    outcomes = inBatch(db, { command: 'import signin', args: files.map((f) => basename(f)).join(' '), at: ctx.nowStamp() }, (batchId, counts) =>
      plans.map((p) => recordAttendance(db, p.session.id, p.entries, batchId, counts)));
  }
  const figs = await figuresFor(db, plans.map((p) => p.session));
  const { getMember } = await import('../../../store/members.js');
  const nameOf = (id: number) => getMember(db, id)?.name ?? `#${id}`;
  const before = plans.map((p) => new Map(attendanceForSession(db, p.session.id).map((a) => [a.memberId, a])));
  if (ctx.json) {
    ctx.outJson({
      dryRun: !!opts.dryRun,
      problems: problems.length ? problems : undefined,
      files: plans.map((p, i) => ({
        file: p.file, sheet: p.sheet, session: p.session.id, rows: p.entries.length, ...outcomes[i]!,
        changes: outcomes[i]!.changes.map((c) => ({ memberId: c.memberId, name: nameOf(c.memberId), from: c.from, to: c.to })),
        blankAsAbsent: p.blankAsAbsent, skipped: p.skipped, notOnSheet: p.notOnSheet, counts: opts.dryRun ? undefined : figuresJson(figs.get(p.session.id)!),
      })),
    });
    return;
  }
  if (problems.length) ctx.warn(`跳过了 ${problems.length} 处有问题的行：\n  ${problems.join('\n  ')}`);
  const verb = opts.dryRun ? '将' : '已';
  plans.forEach((p, i) => {
    const o = outcomes[i]!;
    ctx.out(`${basename(p.file)} → ${sessionTitle(p.session)}：${verb}新增 ${o.added} 条，${verb}更新 ${o.changed} 条，未变 ${o.unchanged} 条`);
    if (!opts.dryRun) ctx.out(`  ${figuresLine(figs.get(p.session.id)!)}`);
    if (o.changes.length) ctx.out(`  状态${opts.dryRun ? '将' : '有'}改动的 ${o.changes.length} 人：${o.changes.map((c) => `${nameOf(c.memberId)} ${statusLabel(c.from, c.fromKind)} → ${statusLabel(c.to, c.toKind)}`).join('、')}`);
    const kept = p.entries.filter((e) => e.onlyIfNew && p.known.has(e.memberId)).sort((a, b) => a.memberId - b.memberId);
    if (kept.length) ctx.info(`  表上空白、保留原有状态的 ${kept.length} 人：${kept.map((e) => { const a = before[i]!.get(e.memberId); return `${nameOf(e.memberId)}（${a ? statusLabel(a.status) : '未登记'}）`; }).join('、')}`);
    if (p.blankAsAbsent.length) ctx.info(`  签名和状态都空着、按缺席记的 ${p.blankAsAbsent.length} 人：${p.blankAsAbsent.join('、')}`);
    if (p.notOnSheet) ctx.info(`  当日在册但不在这张表上的 ${p.notOnSheet} 人未登记（可用 shuxiang checkin ${p.session.id} 补登）。`);
  });
  if (opts.dryRun) ctx.info('（--dry-run：只是预览，没有写入任何内容）');
}
