// The four sign-in statuses and the excuse kinds, with every spelling a secretary writes on paper or types.
import { isFutureDay } from './dates.js';

/** Attendance status codes as stored and as printed in JSON. */
export type AttendanceStatus = 'present' | 'late' | 'excused' | 'absent';

/** Kinds of excused absence (请假). */
export type ExcuseKind = '事假' | '病假' | '公假' | '其他';

export const EXCUSE_KINDS: readonly ExcuseKind[] = ['事假', '病假', '公假', '其他'];

/** Chinese labels of the statuses, as shown in tables and sheets. */
export const STATUS_LABELS: Record<AttendanceStatus, string> = { present: '出席', late: '迟到', excused: '请假', absent: '缺席' };

/** Whether a status counts as attended (出席 + 迟到). */
export function isAttended(s: AttendanceStatus): boolean {
  return s === 'present' || s === 'late';
}

/** A status with its excuse kind, parsed from one sheet cell. */
export interface ParsedStatus {
  status: AttendanceStatus;
  excuseKind?: ExcuseKind;
}

// The one list of status words, for every reader of a 状态 cell (sign-in sheets; what a secretary writes
// there). ○ is 请假, as in the legend Party branches print on sign-in and meeting records: 出席打√、请假打○、
// 缺席打× (the 签到明细 sheet of the ledger export uses ○ for 未登记 — an export, never read back).
const PRESENT = ['出席', '出勤', '到', '已到', '到会', '到场', '实到', '参加', '已参加', '参会', '签到', '已签到', '是', '有', 'y', 'yes', '✓', '✔', '√', '☑', '✅', 'v'];
const LATE = ['迟到', '迟', '晚到', '迟到出席', '迟到到会'];
const EXCUSED = ['请假', '假', '已请假', '告假', '○', '〇', '◯', '⭕'];
const ABSENT = ['缺席', '缺勤', '缺', '缺会', '未到', '没到', '未出席', '未参加', '未参会', '未签到', '旷会', '否', '无', 'n', 'no', '✗', '✘', '×', 'x', '╳', '✕', '✖', '❌'];

/** Reads what was written in a 状态 cell; undefined when it cannot be understood. */
export function parseStatusText(text: string): ParsedStatus | undefined {
  const t = text.normalize('NFKC').replace(/[\s\ufe0f]+/g, '').toLowerCase();
  if (PRESENT.includes(t)) return { status: 'present' };
  if (LATE.includes(t)) return { status: 'late' };
  if (EXCUSED.includes(t)) return { status: 'excused' };
  if (ABSENT.includes(t)) return { status: 'absent' };
  // 请假：病假, 请病假, and the form statusLabel shows, 请假（病假）.
  const kind = parseExcuseKind(t.replace(/^请假[:：]?/, '').replace(/^\((.+)\)$/, '$1').replace(/^请/, ''));
  if (kind) return { status: 'excused', excuseKind: kind };
  return undefined;
}

/** 事假/病假/公假/其他, also written 事/病/公/其它/因公. */
export function parseExcuseKind(text: string): ExcuseKind | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (['事假', '事', '私事', '个人事务'].includes(t)) return '事假';
  if (['病假', '病', '生病'].includes(t)) return '病假';
  if (['公假', '公', '因公', '公出', '出差', '公务'].includes(t)) return '公假';
  if (['其他', '其它', '其他假'].includes(t)) return '其他';
  return undefined;
}

/** The Chinese label of one attendance, e.g. 请假（病假）. */
export function statusLabel(status: AttendanceStatus | null | undefined, kind?: string | null): string {
  if (!status) return '未登记';
  return status === 'excused' && kind ? `请假（${kind}）` : STATUS_LABELS[status];
}

/** Why a status cannot be recorded for a session on `sessionDate` yet (Chinese), or undefined when it can:
 * before its day only 请假 is registered in advance; 出席, 迟到 and 缺席 wait for the day itself. Callers add how
 * (the flag, the sheet's column). */
export function signinNotYet(sessionId: number, sessionDate: string, status: AttendanceStatus, today: string): string | undefined {
  if (status === 'excused' || !isFutureDay(sessionDate, today)) return undefined;
  return `活动 #${sessionId}（${sessionDate}）还没有举行（今天是 ${today}）：只能预先登记请假`;
}
