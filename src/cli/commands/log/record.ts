// Recording one evidence item for one member (`log self-study` …): flags first; on a terminal, the
// missing fields are asked in turn; in a script, a missing required flag is an error naming it.
import { basename, extname } from 'node:path';
import { catalogueCategory, recordEvidence } from '../../../app/evidence/recordEvidence.js';
import { countChars } from '../../../domain/charCount.js';
import type { EvidenceField, EvidenceKindSpec } from '../../../domain/evidenceKinds.js';
import { checkItem, type ItemValues } from '../../../domain/evidenceValues.js';
import { describeValues } from '../../../domain/evidenceView.js';
import { onAnyRollOn, type Member } from '../../../domain/member.js';
import { UserError } from '../../../shared/errors.js';
import { readDocumentText } from '../../../io/documentText.js';
import type { Db } from '../../../store/db.js';
import { listMembers } from '../../../store/members.js';
import type { AppContext } from '../../context.js';
import { askConfirm, askInput, askSelect } from '../../prompts.js';
import { futureDayReason, isFutureDay } from '../../../domain/dates.js';
import { flagAttr, flagName, parseFlagValue } from '../../args/evidenceFlags.js';
import { bookTitle } from '../../../domain/text.js';

type Opts = Record<string, string | boolean | undefined>;

/** Picks the member: --member (name, initials, #id or name#id), or asked on a terminal with the same matching. */
async function pickMember(ctx: AppContext, members: Member[], typed: string | undefined): Promise<Member> {
  const { resolveMember } = await import('../../resolveMember.js');
  if (typed !== undefined) return resolveMember(typed, members, '--member');
  const { memberResolver, missText } = await import('../../../domain/matchMember.js');
  const resolve = memberResolver(members);
  const answer = await askInput(ctx, '--member <姓名>', '姓名（可输入拼音首字母，如 zs）：', undefined, (v) => {
    const r = resolve(v);
    return r.kind === 'one' || missText(r, { as: 'prompt' }).message;
  });
  return resolveMember(answer, members, '姓名');
}

/** Asks one field, offering today / the suggestion as the default; blank optional answers stay blank. */
async function askField(ctx: AppContext, f: EvidenceField, values: ItemValues): Promise<string | boolean | undefined> {
  const flag = f.flag;
  if (f.type === 'bool') return askConfirm(ctx, flagName(f), `${f.help}？`, f.fallback ?? false);
  if (f.type === 'enum') return askSelect(ctx, flag, `${f.label}：`, (f.options ?? []).map((o) => ({ name: o, value: o })));
  const def = f.today ? ctx.today() : f.key === 'to' && typeof values.from === 'string' ? values.from : f.suggest;
  const answer = await askInput(ctx, flag, `${f.label}${f.required ? '' : '（可不填）'}：`, def, (v) => {
    if (!v.trim()) return f.required ? '不能为空' : true;
    try {
      const parsed = parseFlagValue(f, v);
      // A day after today is asked again here, not refused after every question is answered.
      if (f.type === 'date' && typeof parsed === 'string' && isFutureDay(parsed, ctx.today())) return futureDayReason(f.label, parsed, ctx.today());
      return true;
    } catch (e) {
      return (e as Error).message.replace(`${flagName(f)}：`, '');
    }
  });
  return answer.trim() || undefined;
}

/** A book logged without --category takes the category of the catalogue's book of that title (and author). */
function categoryFromCatalogue(db: Db, raw: Opts): void {
  if (typeof raw.title !== 'string' || raw.category !== undefined) return;
  const found = catalogueCategory(db, raw.title, typeof raw.author === 'string' ? raw.author : undefined);
  if (!found) return;
  raw.category = found.category;
  if (found.author !== undefined && raw.author === undefined) raw.author = found.author;
}

/** The values of one item from flags, the --file essay, and (on a terminal) questions. */
async function collectValues(ctx: AppContext, db: Db, kind: EvidenceKindSpec, opts: Opts): Promise<ItemValues> {
  const raw: Opts = {};
  for (const f of kind.fields) raw[f.key] = opts[flagAttr(f)];
  if (kind.id === 'book') categoryFromCatalogue(db, raw);
  if (typeof opts.date === 'string' && !kind.fields.some((f) => f.key === 'date')) {
    if (kind.id === 'book') raw.finished ??= opts.date;
    else { raw.from ??= opts.date; raw.to ??= opts.date; }
  }
  if (typeof opts.file === 'string') {
    const file = ctx.path(opts.file);
    const chars = countChars(await readDocumentText(file));
    ctx.info(`${basename(file)}：共 ${chars.toLocaleString('en')} 字（汉字、字母和数字，不含标点和空格）`);
    raw.chars ??= String(chars);
    raw.title ??= basename(file, extname(file));
  }
  const missing = (f: EvidenceField) => raw[f.key] === undefined && f.required && !f.today;
  // On a terminal, a command missing something required turns into a short questionnaire.
  const askAll = ctx.interactive && kind.fields.some(missing);
  const values: ItemValues = {};
  for (const f of kind.fields) {
    let v = raw[f.key];
    if (v === undefined && (missing(f) || (askAll && !(kind.id === 'research' && f.key === 'days')))) v = await askField(ctx, f, values);
    if (v === undefined && f.today) v = ctx.today();
    values[f.key] = parseFlagValue(f, v);
  }
  const problems = checkItem(kind, values, ctx.today());
  if (problems.length) {
    const flagOf = (key: string) => flagName(kind.fields.find((f) => f.key === key)!);
    throw new UserError(problems.map((p) => `${flagOf(p.key)}：${p.message}`).join('\n'));
  }
  return values;
}

/** `shuxiang log <kind>`: records the item and prints it with its id. */
export async function runLogKind(ctx: AppContext, kind: EvidenceKindSpec, opts: Opts): Promise<void> {
  const db = await ctx.openDb();
  const members = listMembers(db);
  if (members.length === 0) throw new UserError('花名册中还没有人员。请先用 shuxiang import 花名册.xlsx 或 shuxiang member add 添加。');
  const member = await pickMember(ctx, members, opts.member as string | undefined);
  const values = await collectValues(ctx, db, kind, opts);
  const day = values[kind.dateKey];
  if (typeof day === 'string' && !onAnyRollOn(member, day)) {
    ctx.warn(`${member.name} 在 ${day} 不在册（在册期间 ${member.onRollFrom ?? '最初'} 至 ${member.onRollLeft ? `${member.onRollLeft} 前` : '今'}），仍会记录，但考核只计在册期间。`);
  }
  const { item, outcome, booksAdded } = recordEvidence(db, kind, member, values, ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ ...item, outcome });
  const verb = { added: '已登记', updated: '已更新', unchanged: '已有相同记录，未改动：' }[outcome];
  ctx.out(`${verb}${member.name}的${kind.name}（编号 ${item.ref}）：${describeValues(kind, item.values)}`);
  if (booksAdded) ctx.info(`${bookTitle(String(item.values.title))}已加入书目库。`);
}
