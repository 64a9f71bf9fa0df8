// The `member add` use case: one person onto the roll by hand, in one batch (a new branch with it when the
// command was told to create one), after the ID-card checks.
import type { Member } from '../../domain/member.js';
import { inBatch } from '../../store/batches.js';
import { ensureBranch } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { getMember, insertMember, type MemberInsert } from '../../store/members.js';
import { assertIdCardFree, namesakesOf } from './memberChecks.js';

/**
 * Puts a checked ID-card number on the new member, refusing one held by someone else; gender and birth
 * date come from it when not given. Returns warnings where the given ones disagree with it.
 */
export function withIdCard(db: Db, m: MemberInsert, id: { value: string; gender: '男' | '女'; birthDate: string }): string[] {
  m.idCard = id.value;
  assertIdCardFree(db, id.value);
  const warnings: string[] = [];
  if (m.gender && m.gender !== id.gender) warnings.push(`--gender 填的是“${m.gender}”，但身份证号显示为“${id.gender}”，请核对。`);
  if (m.birthDate && !id.birthDate.startsWith(m.birthDate)) warnings.push(`--birth 填的是 ${m.birthDate}，但身份证号中的出生日期是 ${id.birthDate}，请核对。`);
  m.gender ??= id.gender;
  m.birthDate ??= id.birthDate;
  return warnings;
}

/** Adds the member to `branch` (created in the same batch when new); `args` is the command line for `history`. */
export function addMember(db: Db, input: { member: MemberInsert; branch: string; args: string }, now: string): { added: Member; namesakes: Member[] } {
  const m = input.member;
  const id = inBatch(db, { command: 'member add', args: input.args, at: now }, (batchId, counts) => {
    m.branchId = ensureBranch(db, input.branch, batchId, counts).id;
    const newId = insertMember(db, m, batchId);
    counts.added++;
    return newId;
  });
  return { added: getMember(db, id)!, namesakes: namesakesOf(db, { id, name: m.name, branchId: m.branchId }) };
}
