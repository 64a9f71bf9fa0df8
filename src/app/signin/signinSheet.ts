// What a paper sign-in sheet lists: the people expected at the session, in pinyin order, each with the
// status already on record when it is not 出席 (请假 as its kind) and the reason.
import { statusLabel } from '../../domain/attendanceStatus.js';
import type { Member } from '../../domain/member.js';
import { attendanceForSession } from '../../store/attendance.js';
import type { Db } from '../../store/db.js';
import type { SessionRecord } from '../../store/sessions.js';
import { expectedMembers, noOneExpected } from '../sessions/roll.js';

export interface SheetRow {
  memberId: number;
  name: string;
  status?: string;
  note?: string;
}

/** The sheet's rows; an error when nobody is expected that day (the sheet would be empty), saying why. */
export async function signinSheetRows(db: Db, s: SessionRecord): Promise<{ members: Member[]; rows: SheetRow[] }> {
  const members = await expectedMembers(db, s);
  if (members.length === 0) throw noOneExpected(db, s, '签到表会是空的');
  const marks = new Map(attendanceForSession(db, s.id).map((a) => [a.memberId, a]));
  return {
    members,
    rows: members.map((m) => {
      const a = marks.get(m.id);
      return { memberId: m.id, name: m.name, status: a && a.status !== 'present' ? statusLabel(a.status, a.excuseKind).replace(/^请假（(.+)）$/, '$1') : undefined, note: a?.reason };
    }),
  };
}
