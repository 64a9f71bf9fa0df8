// What an export document (or a branch's database file) may bring in, checked as every other importer
// checks it: ID-card numbers that pass GB 11643, names as the roster importer stores them, phone numbers
// that are phone numbers, and nothing in the future recorded as done (SPEC §5.1) — evidence dated after
// today, or a sign-in other than 请假 at a session that has not happened. Personal numbers are masked here.
import { isFutureDay } from '../../domain/dates.js';
import { isIsoDate } from '../../domain/periods.js';
import { SESSION_TYPE_IDS, SESSION_TYPES } from '../../domain/sessionTypes.js';
import { maskIdCard, maskPhone, validateIdCard, validatePhone } from '../../domain/idcard.js';
import { cleanName } from '../../domain/text.js';
import { tableLabel } from '../../domain/tableLabels.js';

/** The day each evidence table's records count on (a span: its first day). */
const DATED: Record<string, string> = {
  self_study: 'date', lectures: 'date', readings: 'finished', writings: 'date', research: 'date_from',
  talks: 'date', trainings: 'date_from', exams: 'date', exchanges: 'date',
};

type Row = Record<string, unknown>;

/** Columns that hold a day (YYYY-MM-DD, or null where the column allows it), by table. */
const DAY_COLUMNS: Record<string, string[]> = {
  members: ['on_roll_from', 'on_roll_left', 'leader_from', 'leader_to'], sessions: ['date'], self_study: ['date'], lectures: ['date'],
  readings: ['started', 'finished'], writings: ['date'], research: ['date_from', 'date_to'], talks: ['date'], trainings: ['date_from', 'date_to'],
  exams: ['date'], exchanges: ['date'], loans: ['lent_on', 'due_on', 'returned_on'], member_terms: ['date_from', 'date_to'],
};

/** Columns holding a name that may not be empty. */
const NAMED: Record<string, string> = { members: 'name', branches: 'name' };

/** The document's values that no importer would store (at most `limit`), each naming the file, table and record. */
export function documentValueProblems(file: string, tables: Record<string, unknown>, today: string, limit = 40): string[] {
  const out: string[] = [];
  const rows = (t: string) => (Array.isArray(tables[t]) ? (tables[t] as Row[]) : []);
  const at = (t: string, i: number) => `${file} › ${t}（${tableLabel(t)}）第 ${i + 1} 条`;
  for (const [table, cols] of Object.entries(DAY_COLUMNS)) {
    rows(table).forEach((r, i) => {
      for (const c of cols) {
        const v = r[c];
        if (v !== null && v !== undefined && !isIsoDate(v)) out.push(`${at(table, i)} › ${c}：“${String(v)}”不是有效的日期（应为 YYYY-MM-DD，且是日历上有的一天）`);
      }
    });
  }
  for (const [table, col] of Object.entries(NAMED)) {
    rows(table).forEach((r, i) => {
      if (typeof r[col] !== 'string' || !(r[col] as string).trim()) out.push(`${at(table, i)} › ${col}：名称是空的`);
    });
  }
  rows('members').forEach((m, i) => {
    if (![0, 1, true, false].includes(m.leader as number)) out.push(`${at('members', i)} › leader：“${String(m.leader)}”应为 0（不是班子成员）或 1（班子成员）`);
  });
  rows('sessions').forEach((s, i) => {
    if (!SESSION_TYPE_IDS.includes(s.type as never)) out.push(`${at('sessions', i)} › type：“${String(s.type)}”不是已知的活动类型（${SESSION_TYPES.map((t) => `${t.id} ${t.name}`).join('、')}）`);
  });
  rows('members').forEach((m, i) => {
    if (typeof m.name === 'string' && m.name.trim() && cleanName(m.name) !== m.name) out.push(`${at('members', i)} › name：姓名“${cleanName(m.name)}”前后或中间有空格、不可见字符`);
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
