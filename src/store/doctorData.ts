// The data checks of `doctor`: members whose dates cannot be true, and study records dated while the
// person was not on the roll (so they silently count for nobody).
import { isExpectedAt, type AttendeesKind } from '../domain/attendees.js';
import { onRollOn } from '../domain/member.js';
import type { Db } from './db.js';

const has = (db: Db, table: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);

/** A partial date (YYYY, YYYY-MM) as its first day, for comparing. */
const day = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Members with an impossible date, one line each (at most 30). */
export function impossibleMemberDates(db: Db, today: string): string[] {
  const rows = db.prepare('SELECT id, name, birth_date, join_party_date, full_member_date, on_roll_from, on_roll_left, leader_from, leader_to FROM members ORDER BY id').all() as Record<string, string | null>[];
  const out: string[] = [];
  const label: Record<string, string> = { birth_date: '出生日期', join_party_date: '入党时间', full_member_date: '转正时间', on_roll_from: '转入日期', on_roll_left: '转出日期', leader_from: '任职起', leader_to: '任职止' };
  for (const m of rows) {
    const who = `${m.name}（编号 #${m.id}）`;
    const say = (s: string) => out.push(`${who}：${s}`);
    for (const k of Object.keys(label)) if (m[k] && !DATE.test(m[k]!)) say(`${label[k]}“${m[k]}”不是日期`);
    const b = m.birth_date, j = m.join_party_date, f = m.full_member_date;
    if (b && DATE.test(b)) {
      if (day(b) > today) say(`出生日期 ${b} 在今天之后`);
      if (b < '1900') say(`出生日期 ${b} 早于 1900 年`);
      if (j && DATE.test(j) && day(j) < `${Number(b.slice(0, 4)) + 18}${day(b).slice(4)}`) say(`入党时间 ${j} 时还不满 18 岁（出生 ${b}）`);
    }
    if (j && DATE.test(j) && day(j) > today) say(`入党时间 ${j} 在今天之后`);
    if (j && f && DATE.test(j) && DATE.test(f) && day(f) < day(j)) say(`转正时间 ${f} 早于入党时间 ${j}`);
    if (m.on_roll_from && m.on_roll_left && m.on_roll_left <= m.on_roll_from) say(`转出日期 ${m.on_roll_left} 不晚于转入日期 ${m.on_roll_from}`);
    if (m.leader_from && m.leader_to && m.leader_to <= m.leader_from) say(`任职止 ${m.leader_to} 不晚于任职起 ${m.leader_from}`);
    if (out.length >= 30) break;
  }
  return out;
}

const EVIDENCE: [table: string, name: string, date: string][] = [
  ['self_study', '自学', 'date'], ['lectures', '听课', 'date'], ['readings', '读书', 'finished'], ['writings', '心得文章', 'date'],
  ['research', '调研', 'date_from'], ['talks', '宣讲', 'date'], ['trainings', '培训', 'date_from'], ['exams', '考试', 'date'], ['exchanges', '读书交流', 'date'],
];

/** Study records and sign-ins dated outside the member's on-roll interval, summarised per member and kind. */
export function evidenceOutsideRoll(db: Db): string[] {
  const parts: string[] = [];
  for (const [t, name, col] of EVIDENCE) {
    if (!has(db, t)) continue;
    parts.push(`SELECT m.id, m.name, m.on_roll_from, m.on_roll_left, '${name}' AS kind, e.${col} AS d FROM ${t} e JOIN members m ON m.id = e.member_id WHERE e.${col} IS NOT NULL`);
  }
  if (has(db, 'attendance') && has(db, 'sessions')) {
    parts.push("SELECT m.id, m.name, m.on_roll_from, m.on_roll_left, '签到' AS kind, s.date AS d FROM attendance a JOIN sessions s ON s.id = a.session_id JOIN members m ON m.id = a.member_id");
  }
  if (!parts.length) return [];
  const rows = db.prepare(`
    SELECT e.id, e.name, e.on_roll_from, e.on_roll_left, e.kind, count(*) AS n, min(e.d) AS first, max(e.d) AS last FROM (${parts.join(' UNION ALL ')}) AS e
    WHERE ((e.on_roll_from IS NOT NULL AND e.d < e.on_roll_from) OR (e.on_roll_left IS NOT NULL AND e.d >= e.on_roll_left))${has(db, 'member_terms') ? `
      AND NOT EXISTS (SELECT 1 FROM member_terms t WHERE t.member_id = e.id AND t.kind = 'roll' AND (t.date_from IS NULL OR e.d >= t.date_from) AND e.d < t.date_to)` : ''}
    GROUP BY e.id, e.kind ORDER BY e.id, e.kind LIMIT 31`).all() as { id: number; name: string; on_roll_from: string | null; on_roll_left: string | null; kind: string; n: number; first: string; last: string }[];
  return rows.slice(0, 30).map((r) => {
    const roll = `${r.on_roll_from ? `${r.on_roll_from} 起` : ''}${r.on_roll_left ? `${r.on_roll_from ? '，' : ''}${r.on_roll_left} 转出` : ''}`;
    return `${r.name}（编号 #${r.id}）有 ${r.n} 条${r.kind}记录（${r.first === r.last ? r.first : `${r.first} 至 ${r.last}`}）不在在册期间（${roll}）`;
  }).concat(rows.length > 30 ? ['……还有更多，未一一列出'] : []);
}

/** The last day of each kind's record, for finding what is dated after today. */
const LAST_DAY: Record<string, string> = { readings: 'finished', research: 'date_to', trainings: 'date_to' };

/** Study records dated after `today`, and sign-ins other than 请假 for sessions after it (recorded as
 * done before they happened), summarised per member and kind. */
export function futureDated(db: Db, today: string): string[] {
  const parts: string[] = [];
  for (const [t, name, col] of EVIDENCE) {
    if (!has(db, t)) continue;
    const last = LAST_DAY[t] ?? col;
    parts.push(`SELECT m.id, m.name, '${name}' AS kind, e.${last} AS d FROM ${t} e JOIN members m ON m.id = e.member_id WHERE e.${last} > ?`);
  }
  if (has(db, 'attendance') && has(db, 'sessions')) {
    parts.push("SELECT m.id, m.name, '签到（请假以外）' AS kind, s.date AS d FROM attendance a JOIN sessions s ON s.id = a.session_id JOIN members m ON m.id = a.member_id WHERE s.date > ? AND a.status <> 'excused'");
  }
  if (!parts.length) return [];
  const rows = db.prepare(`
    SELECT id, name, kind, count(*) AS n, min(d) AS first, max(d) AS last FROM (${parts.join(' UNION ALL ')})
    GROUP BY id, kind ORDER BY id, kind LIMIT 31`).all(...parts.map(() => today)) as { id: number; name: string; kind: string; n: number; first: string; last: string }[];
  return rows.slice(0, 30).map((r) => `${r.name}（编号 #${r.id}）有 ${r.n} 条${r.kind}记录日期在今天（${today}）之后（${r.first === r.last ? r.first : `${r.first} 至 ${r.last}`}）`)
    .concat(rows.length > 30 ? ['……还有更多，未一一列出'] : []);
}

/** Sign-ins at sessions held for the committee or for named people, by someone on the roll who was not
 * among them that day: the audit and the reports count only the expected, so these count for nobody.
 * One line per session (at most 30); people off the roll are evidenceOutsideRoll's. */
export function signinsNotExpected(db: Db): string[] {
  if (!has(db, 'attendance') || !has(db, 'sessions') || !has(db, 'session_attendees')) return [];
  const rows = db.prepare(`
    SELECT s.id AS session, s.date, s.attendees, m.id, m.name, m.leader, m.leader_from, m.leader_to, m.on_roll_from, m.on_roll_left,
      EXISTS (SELECT 1 FROM session_attendees x WHERE x.session_id = s.id AND x.member_id = m.id) AS named
    FROM attendance a JOIN sessions s ON s.id = a.session_id JOIN members m ON m.id = a.member_id
    WHERE s.attendees <> 'all' ORDER BY s.date, s.id, m.id`).all() as {
    session: number; date: string; attendees: AttendeesKind; id: number; name: string; leader: number; leader_from: string | null; leader_to: string | null;
    on_roll_from: string | null; on_roll_left: string | null; named: number;
  }[];
  const bySession = new Map<number, { date: string; attendees: AttendeesKind; names: string[] }>();
  const posts = new Map<number, { from?: string; to: string }[]>();
  if (has(db, 'member_terms')) {
    for (const t of db.prepare("SELECT member_id AS id, date_from AS f, date_to AS t FROM member_terms WHERE kind = 'leader'").all() as { id: number; f: string | null; t: string }[]) {
      (posts.get(t.id) ?? posts.set(t.id, []).get(t.id)!).push({ ...(t.f ? { from: t.f } : {}), to: t.t });
    }
  }
  for (const r of rows) {
    const current = r.leader === 1 ? [{ ...(r.leader_from ? { from: r.leader_from } : {}), ...(r.leader_to ? { to: r.leader_to } : {}) }] : [];
    const m = { id: r.id, leaderIntervals: [...(posts.get(r.id) ?? []), ...current], onRollFrom: r.on_roll_from ?? undefined, onRollLeft: r.on_roll_left ?? undefined };
    if (!onRollOn(m, r.date) || isExpectedAt({ date: r.date, attendees: r.attendees, attendeeIds: r.named ? [r.id] : [] }, m)) continue;
    const s = bySession.get(r.session) ?? bySession.set(r.session, { date: r.date, attendees: r.attendees, names: [] }).get(r.session)!;
    s.names.push(`${r.name}（编号 #${r.id}）`);
  }
  const lines = [...bySession].map(([id, s]) =>
    `${id} 号活动（${s.date}，应到${s.attendees === 'leaders' ? '当天的支委' : '指定人员'}）有 ${s.names.length} 人不在应到名单上却有签到：${s.names.join('、')}；这些签到不计入任何考核`);
  return lines.slice(0, 30).concat(lines.length > 30 ? [`……还有 ${lines.length - 30} 次活动，未一一列出`] : []);
}

/** Sign-ins of someone moved between branches at a session of a branch whose roll they were not on that
 * day (the old branch's session after the move, or the new one's before it): the audit counts a sign-in
 * only at the sessions of the branch of the day's spell, so these count for nobody. At most 30 lines. */
export function signinsAtOtherSpell(db: Db): string[] {
  if (!has(db, 'attendance') || !has(db, 'sessions') || !has(db, 'member_terms')) return [];
  const rows = db.prepare(`
    SELECT m.id, m.name, s.id AS session, s.date, b.name AS branch FROM attendance a
      JOIN sessions s ON s.id = a.session_id JOIN members m ON m.id = a.member_id JOIN branches b ON b.id = s.branch_id
    WHERE EXISTS (SELECT 1 FROM member_terms t WHERE t.member_id = m.id AND t.kind = 'roll' AND t.branch = b.name OR t.member_id = m.id AND t.kind = 'roll' AND s.branch_id = m.branch_id)
      AND (
        ((m.on_roll_from IS NULL OR s.date >= m.on_roll_from) AND (m.on_roll_left IS NULL OR s.date < m.on_roll_left) AND s.branch_id <> m.branch_id)
        OR EXISTS (SELECT 1 FROM member_terms t WHERE t.member_id = m.id AND t.kind = 'roll' AND (t.date_from IS NULL OR s.date >= t.date_from) AND s.date < t.date_to AND t.branch <> b.name))
    ORDER BY s.date, s.id, m.id LIMIT 31`).all() as { id: number; name: string; session: number; date: string; branch: string }[];
  return rows.slice(0, 30).map((r) => `${r.name}（编号 #${r.id}）在 ${r.date} 不在“${r.branch}”在册（调动前后），却有该支部 ${r.session} 号活动的签到；这条签到不计入任何考核`)
    .concat(rows.length > 30 ? ['……还有更多，未一一列出'] : []);
}
