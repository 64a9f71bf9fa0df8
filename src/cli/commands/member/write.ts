// What `member add`, `edit` and `leave` share: their flags, the ID-card and namesake checks, and the
// before/after comparison. Every flag is checked before anything is written; each write is one batch.
import type { Member } from '../../../domain/member.js';
import { MEMBER_LABELS } from '../../../domain/memberView.js';
import { maskIdCard, maskPhone } from '../../../domain/idcard.js';
import { UserError } from '../../../shared/errors.js';
import type { Db } from '../../../store/db.js';
import { findMemberByIdCard, findMembersByName, type MemberInsert } from '../../../store/members.js';
import type { AppContext } from '../../context.js';
import type { Patch } from '../../../app/members/tenure.js';

export interface MemberAddOptions {
  name: string;
  branch?: string;
  leader?: boolean;
  post?: string;
  from?: string;
  idCard?: string;
  phone?: string;
  gender?: string;
  birth?: string;
  category?: string;
  job?: string;
  /** --branch (or --move-to) names a branch to create on purpose. */
  newBranch?: boolean;
}

export interface MemberEditOptions extends Omit<MemberAddOptions, 'name'> {
  name?: string;
  moveTo?: string;
}

export interface MemberLeaveOptions {
  date: string;
  branch?: string;
}


export function assertIdCardFree(db: Db, idCard: string, selfId?: number): void {
  const other = findMemberByIdCard(db, idCard);
  if (other && other.id !== selfId) {
    throw new UserError(`--id-card 的身份证号 ${maskIdCard(idCard)} 已登记在 ${other.name}（${other.branch}，编号 #${other.id}）名下。`, [
      '同一个身份证号只能属于一个人。如是同一人，请用 shuxiang member edit 修改其信息；否则请核对号码。',
    ]);
  }
}

export function warnNamesakes(ctx: AppContext, db: Db, m: Member): void {
  const same = findMembersByName(db, m.name, m.branchId).filter((x) => x.id !== m.id);
  if (same.length) ctx.warn(`${m.branch}还有同名人员（编号 ${same.map((x) => `#${x.id}`).join('、')}）；按姓名查找时请用编号区分。`);
}

export interface MemberChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

export const show = (field: string, v: unknown): string | null => {
  if (v === undefined || v === null || v === '') return null;
  if (field === 'leader') return v ? '是' : '否';
  if (field === 'phone') return maskPhone(String(v));
  if (field === 'idCard') return maskIdCard(String(v));
  return String(v);
};

export function onlyChanged(m: Member, patch: Patch): Patch {
  const out: Patch = {};
  for (const [k, v] of Object.entries(patch) as [keyof MemberInsert, unknown][]) {
    const old = (m as unknown as Record<string, unknown>)[k] ?? null;
    if ((v ?? null) !== old) out[k] = v;
  }
  return out;
}

/** What the patch changes, as label: old → new (phone and ID masked). */
export function diffMember(m: Member, patch: Patch): MemberChange[] {
  const out: MemberChange[] = [];
  for (const [k, v] of Object.entries(onlyChanged(m, patch))) {
    const label = MEMBER_LABELS[k as keyof typeof MEMBER_LABELS] ?? k;
    out.push({ field: k, label, from: show(k, (m as unknown as Record<string, unknown>)[k]), to: show(k, v) });
  }
  return out;
}

export function indent(s: string): string {
  return s.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
}
