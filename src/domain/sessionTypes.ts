// The kinds of organised session a branch holds, in one place: the rule engine refers to the stable ids,
// users type and read the Chinese names (专题报告 and 讲座 are one type).

/** Stable code ids of the session types; rule sets name these. */
export type SessionTypeId =
  | 'collective-study' | 'lecture' | 'reading-exchange' | 'theme-day' | 'retreat'
  | 'joint-study' | 'red-base' | 'assessment' | 'other';

export interface SessionType {
  id: SessionTypeId;
  /** The name shown to users. */
  name: string;
  /** The name inside a sentence of what is still needed (“还差 1 次专题报告或讲座”). */
  phrase: string;
  /** Other names users type for the same type (compared after removing spaces and punctuation). */
  aliases: string[];
}

/** Every session type, in the order pickers and reports show them. */
export const SESSION_TYPES: readonly SessionType[] = [
  { id: 'collective-study', name: '集中学习', phrase: '集中学习', aliases: ['集体学习', '集中学习会', '理论学习中心组学习'] },
  { id: 'lecture', name: '专题报告', phrase: '专题报告或讲座', aliases: ['讲座', '专题讲座', '专题报告讲座', '报告会', '党课', '专题党课'] },
  { id: 'reading-exchange', name: '读书交流', phrase: '读书交流', aliases: ['读书交流会', '读书分享', '读书分享会', '读书会'] },
  { id: 'theme-day', name: '主题党日', phrase: '主题党日', aliases: ['主题党日活动', '党日活动'] },
  { id: 'retreat', name: '务虚会', phrase: '务虚会', aliases: ['务虚研讨', '务虚研讨会', '务虚'] },
  { id: 'joint-study', name: '联学共建', phrase: '联学共建活动', aliases: ['联学', '共建', '联学联建', '支部联学'] },
  { id: 'red-base', name: '红色教育', phrase: '红色教育活动', aliases: ['红色教育基地', '红色教育活动', '参观红色教育基地', '红色基地'] },
  { id: 'assessment', name: '知识测试', phrase: '知识测试或品评', aliases: ['品评', '知识测试品评', '季度品评', '测试', '知识测验', '季度测试'] },
  { id: 'other', name: '其他', phrase: '其他活动', aliases: ['其它'] },
];

/** Every session type id, in display order; the rule-set validator checks rule options against it. */
export const SESSION_TYPE_IDS: readonly SessionTypeId[] = SESSION_TYPES.map((t) => t.id);

const norm = (s: string) => s.normalize('NFKC').replace(/[\s/／、·.,，。()（）\-—_]+/g, '').toLowerCase();

/** The type id for what a user typed (Chinese name, alias or code id), or undefined. */
export function parseSessionType(typed: string): SessionTypeId | undefined {
  const t = norm(typed);
  if (!t) return undefined;
  for (const st of SESSION_TYPES) {
    if (norm(st.id) === t || norm(st.name) === t || st.aliases.some((a) => norm(a) === t)) return st.id;
  }
  return undefined;
}

/** The Chinese name of a type id (the id itself for an unknown one, so old data still displays). */
export function sessionTypeName(id: string): string {
  return SESSION_TYPES.find((t) => t.id === id)?.name ?? id;
}

/** A one-line list of the accepted names, for help and errors. */
export function sessionTypeChoicesText(): string {
  return SESSION_TYPES.map((t) => (t.id === 'lecture' ? '专题报告（讲座）' : t.id === 'assessment' ? '知识测试（品评）' : t.name)).join('、');
}
