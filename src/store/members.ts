// Members: the roster rows, read as domain Members and written field by field.
import type { Member } from '../domain/member.js';
import { spellView, type PastTerm } from '../domain/memberTerms.js';
import type { Db } from './db.js';
import { stmt } from './statements.js';

/** Member field → column; the one mapping between the domain and the table. */
export const COLUMNS: Record<Exclude<keyof Member, 'id' | 'branch' | 'extra' | 'leader' | 'history'>, string> = {
  branchId: 'branch_id', name: 'name', gender: 'gender', birthDate: 'birth_date', ethnicity: 'ethnicity',
  education: 'education', joinPartyDate: 'join_party_date', fullMemberDate: 'full_member_date',
  category: 'category', jobTitle: 'job_title', partyPost: 'party_post', leaderFrom: 'leader_from',
  leaderTo: 'leader_to', phone: 'phone', idCard: 'id_card', onRollFrom: 'on_roll_from', onRollLeft: 'on_roll_left',
};

const SELECT = `SELECT m.*, b.name AS branch FROM members m JOIN branches b ON b.id = m.branch_id`;

/** The optional fields, read once (an organ's roster is 5,000 rows). */
const OPTIONAL = Object.entries(COLUMNS).filter(([field]) => field !== 'branchId' && field !== 'name');

/** Every row of a member query, read as arrays (an organ's 5,000 rows of 22 columns cost a third of
 * what one object per row does) and made into Members: the fields that are set, the extra fields parsed. */
function allMembers(sql: string, db: Db, args: unknown[]): Member[] {
  const s = db.prepare(sql).raw(true);
  const at = new Map(s.columns().map((c, i) => [c.name, i]));
  const col = (name: string) => at.get(name)!;
  const [id, branchId, branch, name, leader, extra] = ['id', 'branch_id', 'branch', 'name', 'leader', 'extra'].map(col) as [number, number, number, number, number, number];
  const optional = OPTIONAL.map(([field, c]) => [field, col(c)] as const);
  const out = (s.all(...args) as unknown[][]).map((r) => {
    const x = r[extra] as string;
    const m: Member = { id: r[id] as number, branchId: r[branchId] as number, branch: r[branch] as string, name: r[name] as string, leader: r[leader] === 1, extra: x === '{}' ? {} : JSON.parse(x) };
    for (const [field, k] of optional) {
      const v = r[k];
      if (v !== null && v !== undefined) (m as unknown as Record<string, unknown>)[field] = v;
    }
    return m;
  });
  attachHistory(db, out);
  return out;
}

/** Past terms (domain/memberTerms.ts) onto the members that have some: one read of a table that is
 * usually empty or small (only people who left and came back, moved branch on a day, or were re-appointed). */
function attachHistory(db: Db, members: Member[]): void {
  if (members.length === 0 || !hasTerms(db)) return;
  const rows = (members.length === 1
    ? stmt(db, 'SELECT member_id, kind, branch, date_from, date_to FROM member_terms WHERE member_id = ? ORDER BY date_to').all(members[0]!.id)
    : stmt(db, 'SELECT member_id, kind, branch, date_from, date_to FROM member_terms ORDER BY member_id, date_to').all()) as TermRow[];
  if (rows.length === 0) return;
  const byId = new Map(members.map((m) => [m.id, m]));
  for (const r of rows) {
    const m = byId.get(r.member_id);
    if (!m) continue;
    const t: PastTerm = { kind: r.kind, to: r.date_to };
    if (r.branch !== null) t.branch = r.branch;
    if (r.date_from !== null) t.from = r.date_from;
    (m.history ??= []).push(t);
  }
}

interface TermRow { member_id: number; kind: 'roll' | 'leader'; branch: string | null; date_from: string | null; date_to: string }

const termsTable = new WeakMap<Db, boolean>();
const hasTerms = (db: Db) => {
  let has = termsTable.get(db);
  if (has === undefined) termsTable.set(db, (has = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'member_terms'").get()));
  return has;
};

/** Records terms that ended (a change of term: domain/memberTerms.ts) for a member, in the batch. */
export function addPastTerms(db: Db, memberId: number, terms: readonly PastTerm[], batchId: number): void {
  const ins = stmt(db, 'INSERT INTO member_terms (member_id, kind, branch, date_from, date_to, batch_id) VALUES (?, ?, ?, ?, ?, ?)');
  for (const t of terms) ins.run(memberId, t.kind, t.branch ?? null, t.from ?? null, t.to, batchId);
}

/** Renames a branch in the roll terms that name it (branch rename and merge). */
export function renameBranchInTerms(db: Db, from: string, to: string): void {
  if (hasTerms(db)) stmt(db, 'UPDATE member_terms SET branch = ? WHERE branch = ?').run(to, from);
}

export interface MemberFilter {
  branch?: string;
  leadersOnly?: boolean;
  /** Only members on the roll on this day. */
  onRollOn?: string;
}

export function listMembers(db: Db, f: MemberFilter = {}): Member[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.branch) { where.push('b.name = ?'); args.push(f.branch); }
  if (f.leadersOnly) where.push('m.leader = 1');
  if (f.onRollOn) {
    // The current spell, or an earlier one on the same branch's roll (left and came back).
    const earlier = hasTerms(db) ? " OR EXISTS (SELECT 1 FROM member_terms t WHERE t.member_id = m.id AND t.kind = 'roll' AND t.branch = b.name AND (t.date_from IS NULL OR t.date_from <= ?) AND t.date_to > ?)" : '';
    where.push(`(((m.on_roll_from IS NULL OR m.on_roll_from <= ?) AND (m.on_roll_left IS NULL OR m.on_roll_left > ?))${earlier})`);
    args.push(f.onRollOn, f.onRollOn, ...(earlier ? [f.onRollOn, f.onRollOn] : []));
  }
  const sql = `${SELECT}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY m.branch_id, m.id`;
  return allMembers(sql, db, args);
}

export function getMember(db: Db, id: number): Member | undefined {
  return allMembers(`${SELECT} WHERE m.id = ?`, db, [id])[0];
}

export function findMemberByIdCard(db: Db, idCard: string): Member | undefined {
  return allMembers(`${SELECT} WHERE m.id_card = ?`, db, [idCard])[0];
}

export function findMembersByName(db: Db, name: string, branchId?: number): Member[] {
  return branchId === undefined
    ? allMembers(`${SELECT} WHERE m.name = ? ORDER BY m.id`, db, [name])
    : allMembers(`${SELECT} WHERE m.name = ? AND m.branch_id = ? ORDER BY m.id`, db, [name, branchId]);
}

export type MemberInsert = Omit<Member, 'id' | 'branch' | 'history'>;

export function insertMember(db: Db, m: MemberInsert, batchId: number): number {
  const cols = ['leader', 'extra', 'batch_id'];
  const vals: unknown[] = [m.leader ? 1 : 0, JSON.stringify(m.extra ?? {}), batchId];
  for (const [field, col] of Object.entries(COLUMNS)) {
    const v = (m as unknown as Record<string, unknown>)[field];
    if (v !== undefined) { cols.push(col); vals.push(v); }
  }
  const sql = `INSERT INTO members (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  return Number(stmt(db, sql).run(...vals).lastInsertRowid);
}

const BULK_COLUMNS = ['leader', 'extra', 'batch_id', ...Object.values(COLUMNS)];
const BULK_FIELDS = Object.keys(COLUMNS);
/** Rows per multi-row INSERT: 20 columns × 500 rows stays under SQLite's 32,766 parameters. */
const BULK_CHUNK = 500;
const bulkSql = (rows: number) =>
  `INSERT INTO members (${BULK_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${BULK_COLUMNS.map(() => '?').join(', ')})`).join(', ')}`;

/** Inserts many members with multi-row statements, in order (ids ascending); `onRow` after each row is written. */
export function insertMembers(db: Db, members: MemberInsert[], batchId: number, onRow?: (n: number) => void): void {
  const full = members.length >= BULK_CHUNK ? stmt(db, bulkSql(BULK_CHUNK)) : undefined;
  const params: unknown[] = [];
  for (let start = 0; start < members.length; start += BULK_CHUNK) {
    const end = Math.min(start + BULK_CHUNK, members.length);
    params.length = 0;
    for (let i = start; i < end; i++) {
      const m = members[i]! as unknown as Record<string, unknown>;
      params.push(m.leader ? 1 : 0, JSON.stringify(m.extra ?? {}), batchId);
      for (const field of BULK_FIELDS) params.push(m[field] ?? null);
    }
    (end - start === BULK_CHUNK ? full! : stmt(db, bulkSql(end - start))).run(params);
    if (onRow) for (let i = start; i < end; i++) onRow(i + 1);
  }
}

/** Sets the given fields (undefined = leave alone, null = clear). */
export function updateMember(db: Db, id: number, patch: Partial<Record<keyof MemberInsert, unknown>>): void {
  const sets: string[] = [];
  const vals: unknown[] = [];
  for (const [field, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (field === 'leader') { sets.push('leader = ?'); vals.push(v ? 1 : 0); continue; }
    if (field === 'extra') { sets.push('extra = ?'); vals.push(JSON.stringify(v)); continue; }
    const col = COLUMNS[field as keyof typeof COLUMNS];
    if (!col) continue;
    sets.push(`${col} = ?`);
    vals.push(v);
  }
  if (sets.length === 0) return;
  stmt(db, `UPDATE members SET ${sets.join(', ')} WHERE id = ?`).run(...vals, id);
}

/** The people who were once on `branch`'s roll and are now in another branch (moved on a day), each as
 * the branch's roll showed them: on it for that spell, off it since (a paper roster's 转出). For the
 * branch's own session lists; the person is one member everywhere else. */
export function formerMembers(db: Db, branch: string): Member[] {
  if (!hasTerms(db)) return [];
  const rows = stmt(db, "SELECT DISTINCT member_id FROM member_terms WHERE kind = 'roll' AND branch = ?").all(branch) as { member_id: number }[];
  const b = stmt(db, 'SELECT id FROM branches WHERE name = ?').get(branch) as { id: number } | undefined;
  const out: Member[] = [];
  for (const { member_id } of rows) {
    const m = getMember(db, member_id);
    if (!m || m.branch === branch || !b) continue;
    for (const t of m.history!.filter((x) => x.kind === 'roll' && x.branch === branch)) out.push(spellView(m, t, b.id));
  }
  return out;
}
