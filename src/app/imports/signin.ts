// `import --kind signin`: filled sign-in sheets read back. Every file is checked in full first (each
// problem named by file › sheet › cell); nothing is written unless all is well (or skipInvalid), then
// all files go in as one batch; dryRun only previews. People are matched by the hidden 人员编号 column,
// else strictly by name (the one member resolver: exact, 间隔号-less, 张三#12) among those expected.
import { basename } from 'node:path';
import { isExpectedAt, notExpectedText } from '../../domain/attendees.js';
import { isAttended, parseExcuseKind, parseStatusText, signinNotYet, type ExcuseKind } from '../../domain/attendanceStatus.js';
import { isFutureDay } from '../../domain/dates.js';
import { isBlank, sheetsShown, skippedSheetsNote, type Grid } from '../../domain/grid.js';
import { memberResolver, missText } from '../../domain/matchMember.js';
import type { Member } from '../../domain/member.js';
import { readSignature } from '../../domain/signatureCell.js';
import { cleanName } from '../../domain/text.js';
import { readSigninGrid, type SigninGrid } from '../../io/excel/signinRead.js';
import { readGrids } from '../../io/readGrids.js';
import { UserError } from '../../shared/errors.js';
import { attendanceForSession, previewAttendance, recordAttendance, type AttendanceEntry, type AttendanceRecord, type RecordOutcome, type StatusChange } from '../../store/attendance.js';
import { inBatch } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { getMember } from '../../store/members.js';
import { branchRoll } from '../sessions/roll.js';
import { getSession, type SessionRecord } from '../../store/sessions.js';

export interface SigninFile {
  file: string;
  sheet: string;
  session: SessionRecord;
  entries: AttendanceEntry[];
  blankAsAbsent: string[];
  /** Their 签名 struck through (“/”, “—”, 无) and 状态 blank, recorded 缺席 (they had no status yet). */
  struckAsAbsent: string[];
  /** Members who already had a status before this import. */
  known: Set<number>;
  notOnSheet: number;
  skipped: number;
  outcome: RecordOutcome;
  /** The outcome's changes, with the names. */
  changes: (StatusChange & { name: string })[];
  /** Left blank on the sheet and keeping the status they had: who, and that status now (none: 未登记). */
  kept: { name: string; held?: AttendanceRecord }[];
}

export interface SigninImport {
  dryRun: boolean;
  /** The problems skipped with skipInvalid. */
  problems: string[];
  files: SigninFile[];
}

type Plan = Omit<SigninFile, 'outcome' | 'changes' | 'kept'>;

/** Reads, checks and (unless dryRun) records the sheets `files` (paths) in one batch stamped `now`. */
export async function importSigninSheets(db: Db, input: { files: string[]; sheet?: string; skipInvalid?: boolean; dryRun?: boolean }, today: string, now: string, warn?: (message: string) => void): Promise<SigninImport> {
  const problems: string[] = [];
  const plans: Plan[] = [];
  const seenSessions = new Map<number, string>();
  for (const path of input.files) {
    const name = basename(path);
    const { grids: shown, skipped } = sheetsShown(await readGrids(path), input.sheet);
    const grids = shown;
    const candidates = input.sheet ? grids.filter((g) => g.name === input.sheet) : grids;
    if (skipped.length) warn?.(skippedSheetsNote(name, skipped));
    if (input.sheet && candidates.length === 0) {
      problems.push(`${name}：没有名为“${input.sheet}”的工作表（有：${grids.map((g) => g.name).join('、')}）。`);
      continue;
    }
    // Every sheet with a sign-in header is read, each for its own session (a workbook with a sheet per
    // session); a sheet with something else on it is named, never silently passed over.
    const found = candidates.map((g) => ({ g, t: readSigninGrid(g) }));
    const sheets = found.filter((x): x is { g: Grid; t: SigninGrid } => !!x.t);
    if (sheets.length === 0) {
      problems.push(`${name}：找不到签到表的表头（需要有“姓名”和“状态”或“签名”列）。请使用 shuxiang sheet 生成的签到表。`);
      continue;
    }
    const others = found.filter((x) => !x.t && x.g.rows.some((row) => row.some((c) => !isBlank(c)))).map((x) => `“${x.g.name}”`);
    if (others.length) warn?.(`${name}：工作表${others.join('、')}里没有签到表的表头（“姓名”和“签名”或“状态”列），没有读取；其余 ${sheets.length} 个工作表按签到表导入。`);
    for (const { g, t } of sheets) {
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
      // A sheet printed for another session with this number (deleted, its number given to a later one), or
      // before the session's date changed: the sheet's own date line says so.
      if (t.printedDate && t.printedDate !== session.date) {
        problems.push(`${name} › ${g.name}：签到表上印的是 ${t.printedDate} 的活动（活动编号 ${session.id}），数据库中的 #${session.id} 却是 ${session.date} 的“${session.topic}”——原来那次活动可能已删除、编号给了后来的活动，或活动日期改过。请核对：是这次活动的，请用 shuxiang sheet ${session.id} 重新打印签到表（或把表上的日期改成 ${session.date}）；不是的，请不要导入这张表。`);
        continue;
      }
      if (seenSessions.has(session.id)) {
        problems.push(`${name} › ${g.name}：与 ${seenSessions.get(session.id)} 是同一次活动（#${session.id}）的签到表，请只导入其中一份。`);
        continue;
      }
      seenSessions.set(session.id, `${name} › ${g.name}`);
      // The people expected at the session: its attendees among those on the roll that day.
      // Someone on the roll but not expected (a committee session, people named; the attendees changed since
      // the sheet was printed) is told so, with the command that adds them — as checkin says it.
      const roll = branchRoll(db, session.branch, session.date);
      const members = roll.filter((m) => isExpectedAt(session, m));
      const byId = new Map(members.map((m) => [m.id, m]));
      const rollById = new Map(roll.map((m) => [m.id, m]));
      const resolve = memberResolver(members, { strict: true });
      let onRollResolver: ReturnType<typeof memberResolver> | undefined;
      const resolveOnRoll = (name: string) => (onRollResolver ??= memberResolver(roll, { strict: true }))(name);
      const known = new Set(attendanceForSession(db, session.id).map((a) => a.memberId));
      const plan: Plan = { file: path, sheet: g.name, session, entries: [], blankAsAbsent: [], struckAsAbsent: [], known, notOnSheet: 0, skipped: 0 };
      const taken = new Map<number, string>();
      for (const r of t.rows) {
        const before = problems.length;
        let member: Member | undefined;
        if (r.memberId) {
          const id = Number(r.memberId);
          member = Number.isInteger(id) ? byId.get(id) : undefined;
          const onRoll = member ? undefined : rollById.get(id);
          if (onRoll) problems.push(`${where(r.at.memberId ?? r.at.name)}：${notExpectedText(session, onRoll, members)}`);
          else if (!member) problems.push(`${where(r.at.memberId ?? r.at.name)}：人员编号“${r.memberId}”不是 ${session.date} ${session.branch}在册的人员。请不要修改隐藏的“人员编号”列。`);
          else if (r.name && cleanName(r.name) !== member.name) problems.push(`${where(r.at.name)}：姓名“${r.name}”与人员编号 ${member.id}（${member.name}）不一致。请不要挪动或改写已打印的姓名。`);
        } else if (!r.name) {
          problems.push(`${where(r.at.name)}：这一行填了内容但没有姓名。`);
        } else {
          const m = resolve(r.name);
          const onRoll = m.kind === 'none' && members.length < roll.length ? resolveOnRoll(r.name) : undefined;
          if (m.kind === 'one') member = m.member;
          else if (onRoll?.kind === 'one') problems.push(`${where(r.at.name)}：${notExpectedText(session, onRoll.member, members)}`);
          else problems.push(`${where(r.at.name)}：${missText(m, { as: 'signin', date: session.date, branch: session.branch }).message}`);
        }
        let parsed: { status: AttendanceEntry['status']; excuseKind?: ExcuseKind } | undefined;
        let statusAt = r.at.status;
        if (r.status) {
          parsed = parseStatusText(r.status);
          if (!parsed) problems.push(`${where(r.at.status)}：状态“${r.status}”无法识别。可填：出席、迟到、请假（或 事假、病假、公假）、缺席，也可用 ✓、√、迟、假、○（请假）、✗、×，或 出勤、缺勤、是、否。`);
        }
        // The 签名 cell may hold a status word (请假, 缺席 …) or be struck through (“/”, “—”, 无) rather than signed.
        const sig = readSignature(r.signature, r.name);
        const sigAt = r.at.signature ?? r.at.status;
        if (sig.kind === 'status' && r.status && parsed) {
          const clash = sig.parsed.status !== parsed.status || (!!sig.parsed.excuseKind && !!parsed.excuseKind && sig.parsed.excuseKind !== parsed.excuseKind);
          if (clash) problems.push(`${where(sigAt)}：签名栏写的是“${sig.text}”，状态栏（${r.at.status}）却是“${r.status}”，两者矛盾。请只保留其中一个，或改成一致的状态。`);
          else parsed = { status: parsed.status, excuseKind: parsed.excuseKind ?? sig.parsed.excuseKind };
        } else if (sig.kind === 'status' && !r.status) {
          parsed = sig.parsed;
          statusAt = sigAt;
        } else if (sig.kind === 'struck' && parsed && isAttended(parsed.status)) {
          problems.push(`${where(sigAt)}：签名栏划了“${sig.text}”（没有签到），状态栏（${r.at.status}）却是“${r.status}”，两者矛盾。来了的请签名或把“${sig.text}”删去，没来的请把状态改为请假或缺席。`);
        }
        const signed = sig.kind === 'signed';
        const notYet = signinNotYet(session.id, session.date, parsed?.status ?? (signed ? 'present' : 'excused'), today);
        if (notYet) problems.push(`${where(parsed ? statusAt : sigAt)}：${notYet}（${parsed && statusAt !== r.at.status ? '签名栏写状态也' : '“状态”栏'}只能填请假）；出席、迟到、缺席请在活动当天或之后登记。`);
        if (member && taken.has(member.id)) problems.push(`${where(r.at.name)}：${member.name} 在 ${taken.get(member.id)} 已经出现过。`);
        if (problems.length > before) {
          plan.skipped++;
          continue;
        }
        taken.set(member!.id, r.at.name);
        if (!parsed) {
          if (signed) parsed = { status: 'present' };
          // Before the day a blank line is nobody's 缺席 yet; after it, only people with no status yet become 缺席.
          // A struck-through 签名 (“/”) is read as that blank line.
          else if (isFutureDay(session.date, today)) continue;
          else {
            parsed = { status: 'absent' };
            if (!known.has(member!.id)) (sig.kind === 'struck' ? plan.struckAsAbsent : plan.blankAsAbsent).push(member!.name);
          }
        }
        const entry: AttendanceEntry = { memberId: member!.id, status: parsed.status, reason: r.note || undefined, ...(!r.status && (sig.kind === 'blank' || sig.kind === 'struck') ? { onlyIfNew: true } : {}) };
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
  }
  if (problems.length && !input.skipInvalid) {
    throw new UserError(`签到表中有 ${problems.length} 处问题，没有导入任何内容：`, [
      ...problems,
      '改正后重新导入；或加 --skip-invalid 只导入没有问题的行。',
    ]);
  }
  const outcomes = input.dryRun
    ? plans.map((p) => previewAttendance(db, p.session.id, p.entries))
    : inBatch(db, { command: 'import signin', args: input.files.map((f) => basename(f)).join(' '), at: now }, (batchId, counts) =>
      plans.map((p) => recordAttendance(db, p.session.id, p.entries, batchId, counts)));
  const nameOf = (id: number) => getMember(db, id)?.name ?? `#${id}`;
  const files = plans.map((p, i): SigninFile => {
    const outcome = outcomes[i]!;
    const held = new Map(attendanceForSession(db, p.session.id).map((a) => [a.memberId, a]));
    const kept = p.entries.filter((e) => e.onlyIfNew && p.known.has(e.memberId)).sort((a, b) => a.memberId - b.memberId);
    return {
      ...p, outcome,
      changes: outcome.changes.map((c) => ({ ...c, name: nameOf(c.memberId) })),
      kept: kept.map((e) => ({ name: nameOf(e.memberId), held: held.get(e.memberId) })),
    };
  });
  return { dryRun: !!input.dryRun, problems, files };
}
