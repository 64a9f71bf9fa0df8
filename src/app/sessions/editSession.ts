// `session edit`, in two steps because the attendees named on the command line are resolved against the
// edited branch and date: checkSessionEdit completes and checks the patch (another branch, the clock
// times, the hours they imply), applySessionEdit writes what changed in its own batch and counts the
// sign-ins left outside the new attendees.
import { statusLabel } from '../../domain/attendanceStatus.js';
import { isFutureDay } from '../../domain/dates.js';
import type { Member } from '../../domain/member.js';
import { UserError } from '../../shared/errors.js';
import { attendanceForSession } from '../../store/attendance.js';
import { inBatch } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { getSession, updateSession, type SessionInsert, type SessionRecord } from '../../store/sessions.js';
import { expectedMembers } from './roll.js';

export type SessionPatch = Partial<Record<keyof SessionInsert, unknown>>;

/** Hours between two HH:MM clock times, to two decimals. */
export function hoursBetween(start: string, end: string): number {
  const mins = (t: string) => +t.slice(0, 2) * 60 + +t.slice(3, 5);
  return Math.round(((mins(end) - mins(start)) / 60) * 100) / 100;
}

/** The patch with the branch move checked (refused once people signed in) and the hours from the clock
 * times when they changed and no hours were given. */
export function checkSessionEdit(db: Db, s: SessionRecord, patch: SessionPatch, o: { branchId?: number; hoursGiven: boolean; today: string }): SessionPatch {
  if (typeof patch.date === 'string' && patch.date !== s.date) refuseDoneInFuture(db, s, patch.date, o.today);
  if (o.branchId !== undefined && o.branchId !== s.branchId) {
    if (attendanceForSession(db, s.id).length) throw new UserError(`活动 #${s.id} 已有签到记录，不能改到另一个支部。请删除后在新支部重新登记。`);
    patch.branchId = o.branchId;
  }
  const start = (patch.startTime ?? s.startTime) as string | undefined;
  const end = (patch.endTime ?? s.endTime) as string | undefined;
  if (start && end && end <= start) throw new UserError(`结束时间 ${end} 不晚于开始时间 ${start}，请检查 --start 和 --end。`);
  if (!o.hoursGiven && (patch.startTime || patch.endTime) && start && end) patch.hours = hoursBetween(start, end);
  return patch;
}

/** A session moved after today has not been held: only 请假 registered in advance may stay on it (SPEC
 * “nothing in the future is recorded as done”), so 出席, 迟到 and 缺席 already recorded refuse the move. */
function refuseDoneInFuture(db: Db, s: SessionRecord, date: string, today: string): void {
  if (!isFutureDay(date, today)) return;
  const done = attendanceForSession(db, s.id).filter((a) => a.status !== 'excused');
  if (done.length === 0) return;
  const by = (['present', 'late', 'absent'] as const).map((st) => [st, done.filter((a) => a.status === st).length] as const).filter(([, n]) => n > 0);
  throw new UserError(`--date：活动 #${s.id} 已有 ${done.length} 人签到为出席、迟到或缺席（${by.map(([st, n]) => `${statusLabel(st)} ${n} 人`).join('，')}）；改到 ${date} 就在今天（${today}）之后，还没有举行的活动只能登记请假，未做任何修改。`, [
    `请改用今天或更早的日期；确要改期，须先去掉这些签到记录：用 shuxiang history 找到那次签到、shuxiang undo 编号 撤销，或 shuxiang session remove ${s.id} --yes 连同签到删除后重新登记。`,
  ]);
}

export type SessionEdit =
  | { changed: false; session: SessionRecord }
  | { changed: true; session: SessionRecord; stray?: { count: number; expected: Member[] } };

/** Writes the patch when it changes something; `attendees` is set when --attendees was given. */
export async function applySessionEdit(db: Db, s: SessionRecord, patch: SessionPatch, attendees: Pick<SessionRecord, 'attendees' | 'attendeeIds'> | undefined, now: string): Promise<SessionEdit> {
  if (attendees && (attendees.attendees !== s.attendees || attendees.attendeeIds.join() !== s.attendeeIds.join())) {
    Object.assign(patch, { attendees: attendees.attendees, attendeeIds: attendees.attendeeIds });
  }
  const changedKeys = Object.keys(patch).filter((k) => k === 'attendeeIds' || patch[k as keyof SessionInsert] !== (s as unknown as Record<string, unknown>)[k]);
  if (changedKeys.length === 0) return { changed: false, session: s };
  inBatch(db, { command: 'session edit', args: String(s.id), at: now }, (batchId, counts) => {
    if (updateSession(db, s.id, patch, batchId)) counts.changed++;
  });
  const after = getSession(db, s.id)!;
  if ((patch.date && patch.date !== s.date) || patch.attendees !== undefined) {
    const list = await expectedMembers(db, after);
    const expected = new Set(list.map((m) => m.id));
    const count = attendanceForSession(db, s.id).filter((a) => !expected.has(a.memberId)).length;
    if (count) return { changed: true, session: after, stray: { count, expected: list } };
  }
  return { changed: true, session: after };
}
