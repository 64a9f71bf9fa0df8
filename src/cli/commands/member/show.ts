// `shuxiang member show`: one person's card (and the sections other features add to it).
import type { Member } from '../../../domain/member.js';
import type { PastTerm } from '../../../domain/memberTerms.js';
import { addDaysIso } from '../../../domain/periods.js';
import { MEMBER_LABELS, leaderText, memberToJson, onRollText, shownExtras } from '../../../domain/memberView.js';
import { maskIdCard, maskPhone } from '../../../domain/idcard.js';
import { displayWidth, padDisplay } from '../../../shared/width.js';
import type { Db } from '../../../store/db.js';
import type { AppContext } from '../../context.js';
import { pickMember } from '../../args/member.js';

export interface MemberShowOptions {
  branch?: string;
  reveal?: boolean;
}

export async function runMemberShow(ctx: AppContext, query: string, opts: MemberShowOptions): Promise<void> {
  const db = await ctx.openDb({ readonly: true });
  const m = await pickMember(db, query, opts.branch);
  const reveal = !!opts.reveal;
  if (ctx.json) {
    ctx.outJson(memberToJson(m, reveal));
    return;
  }
  const today = ctx.today();
  ctx.out(formatMemberCard(m, today, reveal));
  for (const section of SHOW_SECTIONS) ctx.out(section(db, m, today));
  if (!reveal && (m.phone || m.idCard)) ctx.info('（手机号、身份证号已打码，加 --reveal 显示完整号码）');
}

/**
 * Further blocks of `member show`, printed after the card, in order. Later issues add the person's year
 * here (sessions attended, self-study, books, writings, …), each as one function returning its text.
 */
export const SHOW_SECTIONS: ((db: Db, m: Member, today: string) => string)[] = [];

/** An earlier term in words: 一支部 2025-01-01 至 2026-06-30. */
function termText(t: PastTerm): string {
  return `${t.branch ? `${t.branch} ` : ''}${t.from ?? '建档前'} 至 ${addDaysIso(t.to, -1)}`;
}

/** All fields of one person as a two-column card: Chinese label, value. */
export function formatMemberCard(m: Member, today: string, reveal: boolean): string {
  const L = MEMBER_LABELS;
  const rows: [string, string | undefined][] = [
    [L.id, `#${m.id}`],
    [L.name, m.name],
    [L.gender, m.gender],
    [L.birthDate, m.birthDate],
    [L.ethnicity, m.ethnicity],
    [L.education, m.education],
    [L.joinPartyDate, m.joinPartyDate],
    [L.fullMemberDate, m.fullMemberDate],
    [L.category, m.category],
    [L.jobTitle, m.jobTitle],
    [L.partyPost, m.partyPost],
    [L.branch, m.branch],
    [L.phone, m.phone && (reveal ? m.phone : maskPhone(m.phone))],
    [L.idCard, m.idCard && (reveal ? m.idCard : maskIdCard(m.idCard))],
    ['在册情况', onRollText(m, today)],
    [L.leader, leaderText(m, today)],
    ...(m.history ?? []).map((t): [string, string] => [t.kind === 'roll' ? '此前在册' : '此前任职', termText(t)]),
  ];
  const extra = Object.entries(shownExtras(m.extra ?? {}, reveal));
  const width = Math.max(...[...rows, ...extra].map(([k]) => displayWidth(k)));
  const line = ([k, v]: [string, string | undefined]) => `${padDisplay(k, width)}  ${v || '—'}`;
  const out = rows.map(line);
  if (extra.length) out.push('', '其他信息（花名册中的其他列）：', ...extra.map(([k, v]) => `  ${line([k, v])}`));
  return out.join('\n');
}
