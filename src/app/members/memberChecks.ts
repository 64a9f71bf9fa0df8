// What adding and editing a member share: one ID-card number per person, namesakes in a branch, and the
// before/after comparison of a patch (phone and ID masked).
import type { Member } from '../../domain/member.js';
import { MEMBER_LABELS } from '../../domain/memberView.js';
import { maskIdCard, maskPhone } from '../../domain/idcard.js';
import { UserError } from '../../shared/errors.js';
import type { Db } from '../../store/db.js';
import { findMemberByIdCard, findMembersByName, type MemberInsert } from '../../store/members.js';
import type { Patch } from './tenure.js';

/** Refuses an ID-card number already held by someone else (`selfId`: the person being edited). */
export function assertIdCardFree(db: Db, idCard: string, selfId?: number): void {
  const other = findMemberByIdCard(db, idCard);
  if (other && other.id !== selfId) {
    throw new UserError(`--id-card 的身份证号 ${maskIdCard(idCard)} 已登记在 ${other.name}（${other.branch}，编号 #${other.id}）名下。`, [
      other.onRollLeft
        ? `${other.name}已于 ${other.onRollLeft} 转出。如是同一人重新转入，请用 shuxiang member edit '#${other.id}' --from 转入日期 登记（此前的在册期间保留）；否则请核对号码。`
        : '同一个身份证号只能属于一个人。如是同一人，请用 shuxiang member edit 修改其信息；否则请核对号码。',
    ]);
  }
}

/** Others of the same name in the member's branch. */
export function namesakesOf(db: Db, m: Pick<Member, 'id' | 'name' | 'branchId'>): Member[] {
  return findMembersByName(db, m.name, m.branchId).filter((x) => x.id !== m.id);
}

/** The warning for namesakes after a rename or move (undefined when there are none). */
export function namesakeWarning(db: Db, m: Member): string | undefined {
  const same = namesakesOf(db, m);
  return same.length ? `${m.branch}还有同名人员（编号 ${same.map((x) => `#${x.id}`).join('、')}）；按姓名查找时请用编号区分。` : undefined;
}

export interface MemberChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

/** A field's value as a change line shows it (phone and ID masked; empty is null). */
export const shownValue = (field: string, v: unknown): string | null => {
  if (v === undefined || v === null || v === '') return null;
  if (field === 'leader') return v ? '是' : '否';
  if (field === 'phone') return maskPhone(String(v));
  if (field === 'idCard') return maskIdCard(String(v));
  return String(v);
};

/** The part of a patch that changes something. */
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
    out.push({ field: k, label, from: shownValue(k, (m as unknown as Record<string, unknown>)[k]), to: shownValue(k, v) });
  }
  return out;
}
