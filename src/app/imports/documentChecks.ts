// What an export document (or a branch's database file) may bring in, checked as every other importer
// checks it: ID-card numbers that pass GB 11643, names as the roster importer stores them, phone numbers
// that are phone numbers, and nothing in the future recorded as done (SPEC §5.1) — evidence dated after
// today, or a sign-in other than 请假 at a session that has not happened. Personal numbers are masked here.
import { isFutureDay } from '../../domain/dates.js';
import { maskIdCard, maskPhone, validateIdCard, validatePhone } from '../../domain/idcard.js';
import { cleanName } from '../../domain/text.js';
import { tableLabel } from '../../domain/tableLabels.js';

/** The day each evidence table's records count on (a span: its first day). */
const DATED: Record<string, string> = {
  self_study: 'date', lectures: 'date', readings: 'finished', writings: 'date', research: 'date_from',
  talks: 'date', trainings: 'date_from', exams: 'date', exchanges: 'date',
};

type Row = Record<string, unknown>;

/** The document's values that no importer would store (at most `limit`), each naming the file, table and record. */
export function documentValueProblems(file: string, tables: Record<string, unknown>, today: string, limit = 40): string[] {
  const out: string[] = [];
  const rows = (t: string) => (Array.isArray(tables[t]) ? (tables[t] as Row[]) : []);
  const at = (t: string, i: number) => `${file} › ${t}（${tableLabel(t)}）第 ${i + 1} 条`;
  rows('members').forEach((m, i) => {
    if (typeof m.name === 'string' && cleanName(m.name) !== m.name) out.push(`${at('members', i)} › name：姓名“${cleanName(m.name)}”前后或中间有空格、不可见字符`);
    if (typeof m.id_card === 'string') {
      const v = validateIdCard(m.id_card);
      if (!v.ok || v.value !== m.id_card) out.push(`${at('members', i)} › id_card：身份证号“${maskIdCard(m.id_card)}”不是有效的 18 位身份证号（GB 11643 校验不通过）`);
    }
    if (typeof m.phone === 'string' && !validatePhone(m.phone).ok) out.push(`${at('members', i)} › phone：“${maskPhone(m.phone)}”不像电话号码`);
  });
  for (const [table, col] of Object.entries(DATED)) {
    rows(table).forEach((r, i) => {
      const day = r[col];
      if (typeof day === 'string' && isFutureDay(day, today)) out.push(`${at(table, i)} › ${col}：${day} 在今天（${today}）之后，还没有发生的事不能记为已完成`);
    });
  }
  const sessionDay = new Map(rows('sessions').map((s) => [s.id, s.date]));
  rows('attendance').forEach((a, i) => {
    const day = sessionDay.get(a.session_id);
    if (typeof day === 'string' && isFutureDay(day, today) && a.status !== 'excused') {
      out.push(`${at('attendance', i)}：活动 ${String(a.session_id)} 在 ${day}，还没有举行，只能登记请假`);
    }
  });
  return out.slice(0, limit);
}
