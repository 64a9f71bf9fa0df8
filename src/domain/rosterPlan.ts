// What importing a roster would change, worked out before anything is written: who is new, who
// changed (field by field), who is unchanged, and (with --sync) who left.
import { branchKey } from './branchMatch.js';
import { FIELD_SPECS, type Member, type MemberField } from './member.js';
import type { CellProblem, FieldValue, RosterRow } from './rosterRows.js';
import { reappoint, rejoin, type PastTerm } from './memberTerms.js';

export interface MemberDraft {
  branch: string;
  fields: Partial<Record<MemberField, FieldValue>>;
  extra: Record<string, string>;
  leader: boolean;
  leaderFrom?: string;
  leaderTo?: string;
}

export interface FieldChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

export interface RosterPlan {
  adds: { row: number; draft: MemberDraft }[];
  /** `close`: terms that end with the change (back on the roll after leaving, appointed again), kept as history. */
  updates: { row: number; member: Member; changes: FieldChange[]; patch: Record<string, unknown>; branch?: string; close?: PastTerm[] }[];
  unchanged: { row: number; member: Member }[];
  leaves: Member[];
  newBranches: string[];
  problems: CellProblem[];
  warnings: CellProblem[];
  leaders: number;
  branches: string[];
}

export interface PlanInput {
  rows: RosterRow[];
  existing: Member[];
  existingBranches: string[];
  /** Branch for rows without a 所在支部 cell (--branch, else the database's default). */
  defaultBranch?: string;
  /** The roster names no branch (no 所在支部 column, no --branch): people already on file stay in their
   * own branch (found by ID, else by a name only one person on file has); only new people go to defaultBranch. */
  keepBranch?: boolean;
  importDate: string;
  sync: boolean;
  /** Column of the name and branch, for problems about identity. */
  nameCol?: number;
}

const LABEL = new Map(FIELD_SPECS.map((s) => [s.field as string, s.label]));
const show = (v: unknown) => (v === undefined || v === null || v === '' ? '（空）' : v === true ? '是' : v === false ? '否' : String(v));

function currentlyLeader(m: Member, day: string): boolean {
  return m.leader && (!m.leaderTo || m.leaderTo > day);
}

/** Plans the import of already-validated rows against the members in the database. */
export function planRosterImport(input: PlanInput): RosterPlan {
  const plan: RosterPlan = { adds: [], updates: [], unchanged: [], leaves: [], newBranches: [], problems: [], warnings: [], leaders: 0, branches: [] };
  const byId = new Map(input.existing.filter((m) => m.idCard).map((m) => [m.idCard!, m]));
  const byNameBranch = new Map<string, Member[]>();
  for (const m of input.existing) {
    const k = `${m.branch}\u0000${m.name}`;
    byNameBranch.set(k, [...(byNameBranch.get(k) ?? []), m]);
  }
  const seenIds = new Map<string, number>();
  const seenNames = new Map<string, { row: number; id?: string }>();
  const matched = new Set<number>();
  const branches = new Set<string>();
  // A 所在支部 cell names an existing branch however it is spaced or punctuated (branchMatch.branchKey).
  const existingByKey = new Map(input.existingBranches.map((b) => [branchKey(b), b]));
  // Without a branch named, the one person on file a row is (by ID, else by name in the default branch,
  // else by a name only one person on file has).
  const byName = new Map<string, Member[]>();
  for (const m of input.existing) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  const onFile = (row: RosterRow, fallback: string | undefined): { member: Member; byName?: boolean } | { problem: string } | undefined => {
    const id = row.fields.idCard as string | undefined;
    const byCard = id ? byId.get(id) : undefined;
    if (byCard) return { member: byCard };
    const name = row.fields.name as string;
    if (fallback !== undefined && byNameBranch.has(`${fallback}\u0000${name}`)) return undefined;
    const others = (byName.get(name) ?? []).filter((m) => !m.idCard || !id);
    if (others.length === 1) return { member: others[0]!, byName: true };
    if (others.length > 1) return { problem: `数据库里有 ${others.length} 个叫${name}的人（${[...new Set(others.map((m) => m.branch))].join('、')}），表中没有“所在支部”列，无法确定是哪一位；请填写身份证号，或用 --branch 指定支部` };
    return undefined;
  };
  for (const row of input.rows) {
    const typed = (row.fields.branch as string | undefined) ?? input.defaultBranch;
    let branch = typed === undefined ? undefined : existingByKey.get(branchKey(typed)) ?? typed;
    const known = input.keepBranch ? onFile(row, branch) : undefined;
    if (known && 'problem' in known) { plan.problems.push({ row: row.row, col: input.nameCol, message: known.problem }); continue; }
    if (known) {
      branch = known.member.branch;
      if (known.byName) plan.warnings.push({ row: row.row, col: input.nameCol, message: `表中没有“所在支部”列，已按姓名视为“${branch}”的${known.member.name}；如不是同一人，请加 --branch 指定支部后重新导入` });
    }
    if (!branch) {
      plan.problems.push({ row: row.row, message: '不知道此人属于哪个支部：表中没有“所在支部”列，请用 --branch 指定支部' });
      continue;
    }
    branches.add(branch);
    const name = row.fields.name as string;
    const id = row.fields.idCard as string | undefined;
    if (id) {
      const first = seenIds.get(id);
      if (first !== undefined) {
        plan.problems.push({ row: row.row, message: `身份证号与第 ${first + 1} 行重复，同一个人只能出现一次，请删除重复行或核对号码` });
        continue;
      }
      seenIds.set(id, row.row);
    }
    const nk = `${branch}\u0000${name}`;
    const sameName = seenNames.get(nk);
    if (sameName) {
      if (!id || !sameName.id) {
        plan.problems.push({ row: row.row, col: input.nameCol, message: `与第 ${sameName.row + 1} 行同名（${name}），又没有身份证号可区分；请填写两人的身份证号，或删除重复行` });
        continue;
      }
      plan.warnings.push({ row: row.row, col: input.nameCol, message: `与第 ${sameName.row + 1} 行同名（${name}），已按身份证号视为两个人` });
    }
    seenNames.set(nk, { row: row.row, id });
    let member = id ? byId.get(id) : undefined;
    if (!member) {
      const candidates = (byNameBranch.get(nk) ?? []).filter((m) => !m.idCard || !id);
      if (candidates.length > 1) {
        plan.problems.push({ row: row.row, col: input.nameCol, message: `数据库里“${branch}”有 ${candidates.length} 个叫${name}的人，无法确定是哪一位；请填写身份证号` });
        continue;
      }
      member = candidates[0];
    }
    if (row.leader ?? false) plan.leaders++;
    if (!member) {
      // The same name on file in another branch, nothing (an ID card) to tell them apart: maybe a move.
      const elsewhere = (byName.get(name) ?? []).filter((m) => m.branch !== branch && (!m.idCard || !id));
      if (elsewhere.length) {
        const at = elsewhere.map((m) => `“${m.branch}”已有${m.name}（编号 #${m.id}）`).join('，');
        plan.warnings.push({ row: row.row, col: input.nameCol, message: `数据库里${at}，此行将在“${branch}”另外新增一人；如是同一个人调动，请不要重复添加，改用 shuxiang member edit ${name} --move-to ${branch} --from 日期 登记调动` });
      }
      plan.adds.push({ row: row.row, draft: { branch, fields: row.fields, extra: row.extra, leader: row.leader ?? false } });
      continue;
    }
    if (matched.has(member.id)) {
      plan.problems.push({ row: row.row, message: `与表中另一行是同一个人（${member.name}），请删除重复行` });
      continue;
    }
    matched.add(member.id);
    diffMember(plan, row, member, branch, input.importDate);
  }
  plan.branches = [...branches];
  plan.newBranches = plan.branches.filter((b) => !input.existingBranches.includes(b));
  if (input.sync) {
    plan.leaves = input.existing.filter(
      (m) => branches.has(m.branch) && !matched.has(m.id) && (!m.onRollLeft || m.onRollLeft > input.importDate) && (!m.onRollFrom || m.onRollFrom < input.importDate),
    );
  }
  return plan;
}

function diffMember(plan: RosterPlan, row: RosterRow, m: Member, branch: string, day: string): void {
  const changes: FieldChange[] = [];
  const patch: Record<string, unknown> = {};
  const close: PastTerm[] = [];
  const from = row.fields.onRollFrom as string | undefined;
  const left = row.fields.onRollLeft as string | undefined;
  // 转入 after the 转出 on file: back on the roll — a new spell, the one that ended kept (memberTerms.rejoin).
  const back = !!(m.onRollLeft && from && from > m.onRollLeft);
  // The row is about an earlier spell (see below): its roll dates, branch and post are not the current spell's.
  let same = false;
  if (back) {
    const t = rejoin(m, from!, left);
    Object.assign(patch, t.patch);
    close.push(...t.close);
    changes.push({ field: 'onRollFrom', label: LABEL.get('onRollFrom')!, from: show(m.onRollFrom), to: `${from}（${m.onRollLeft} 转出后重新转入，此前的在册期间保留）` });
    if (left) changes.push({ field: 'onRollLeft', label: LABEL.get('onRollLeft')!, from: show(m.onRollLeft), to: left });
  } else {
    // The row is about an earlier spell, not the current one: its 转入 is that spell's start (a list from
    // before the return), or it lists the person under a branch they have since moved from (that branch's
    // own roster). Its dates and branch then stay as on file; the other fields are still read.
    const spells = (m.history ?? []).filter((t) => t.kind === 'roll');
    const byStart = from ? spells.find((t) => t.from === from) : undefined;
    const byBranch = branch !== m.branch ? spells.filter((t) => t.branch === branch).pop() : undefined;
    if (byStart || byBranch) {
      same = true;
      plan.warnings.push({ row: row.row, message: byBranch
        ? `此人已于 ${byBranch.to} 从${branch}调往${m.branch}；表中是其在${branch}时的记录，在册日期和所在支部保留数据库中的`
        : `转入日期 ${from} 是此人此前一段在册期间的开始；数据库中已登记此后的转出和转入（本次自 ${m.onRollFrom ?? '建档'} 起），保留数据库中的日期` });
    } else {
      // The dates as they would stand: a 转出 not after the 转入 cannot be written.
      const f = from ?? m.onRollFrom;
      const l = left ?? m.onRollLeft;
      if (f && l && l <= f) {
        plan.problems.push({ row: row.row, message: `转出日期 ${l}${left ? ' ' : '（数据库中）'}不晚于转入日期 ${f}${from ? '' : '（数据库中）'}，无法登记；如此人转出后又转入，“转入日期”应写重新转入的日期（晚于 ${l}），请核对` });
        return;
      }
      // Nor can the current spell reach back into an earlier one.
      const earlier = from ? spells.filter((t) => t.to > from).map((t) => t.to).sort().pop() : undefined;
      if (earlier) {
        plan.problems.push({ row: row.row, message: `转入日期 ${from} 早于此人此前一段在册期间的结束（${earlier} 转出），无法登记；本次转入应在 ${earlier} 或之后，请核对` });
        return;
      }
    }
  }
  for (const [field, value] of Object.entries(row.fields)) {
    if (field === 'branch' || field === 'leader') continue;
    if (back && (field === 'onRollFrom' || field === 'onRollLeft')) continue;
    // (An earlier spell's row says nothing of the current spell's dates or post.)
    if (same && (field === 'onRollFrom' || field === 'onRollLeft' || field === 'partyPost')) continue;
    const old = (m as unknown as Record<string, unknown>)[field];
    if (old !== value) {
      changes.push({ field, label: LABEL.get(field) ?? field, from: show(old), to: show(value) });
      patch[field] = value;
    }
  }
  const moving = branch !== m.branch && !same;
  if (moving) changes.push({ field: 'branch', label: '所在支部', from: m.branch, to: branch });
  const extra = { ...m.extra };
  let extraChanged = false;
  for (const [k, v] of Object.entries(row.extra)) {
    if (extra[k] !== v) {
      changes.push({ field: `extra.${k}`, label: k, from: show(extra[k]), to: v });
      extra[k] = v;
      extraChanged = true;
    }
  }
  if (extraChanged) patch.extra = extra;
  if (same) {
    // The post of an earlier spell is not this one's.
  } else if (row.leader === true && (back || !currentlyLeader(m, day))) {
    // Appointed again after a post that ended: the earlier post is kept (memberTerms.reappoint).
    if (!back && m.leader && m.leaderTo && m.leaderTo <= day) close.push(...reappoint(m, day).close);
    // Back on the roll: on the committee from the day of return.
    Object.assign(patch, { leader: true, leaderFrom: back ? from : day, leaderTo: null });
    changes.push({ field: 'leader', label: '班子成员', from: '否', to: `是（自 ${patch.leaderFrom} 起）` });
  } else if (row.leader === false && back) {
    // Back on the roll, and the roster says not on the committee.
    Object.assign(patch, { leader: false, leaderFrom: null, leaderTo: null });
  } else if (row.leader === false && !back && currentlyLeader(m, day)) {
    patch.leaderTo = day;
    changes.push({ field: 'leader', label: '班子成员', from: '是', to: `否（自 ${day} 起）` });
  }
  // Whatever the row holds, the dates as they would be written keep the 转出 after the 转入.
  const f2 = 'onRollFrom' in patch ? (patch.onRollFrom as string | null) : m.onRollFrom;
  const l2 = 'onRollLeft' in patch ? (patch.onRollLeft as string | null) : m.onRollLeft;
  if (f2 && l2 && l2 <= f2) {
    plan.problems.push({ row: row.row, message: `转出日期 ${l2} 不晚于转入日期 ${f2}（与数据库中的日期合起来看），无法登记，请核对` });
    return;
  }
  if (changes.length === 0) plan.unchanged.push({ row: row.row, member: m });
  else plan.updates.push({ row: row.row, member: m, changes, patch, branch: moving ? branch : undefined, ...(close.length ? { close } : {}) });
}
