// A person on the roster, and the fields a roster can carry (with the header synonyms real rosters use).
import type { PastTerm } from './memberTerms.js';

export interface Member {
  id: number;
  branchId: number;
  branch: string;
  name: string;
  gender?: string;
  birthDate?: string;
  ethnicity?: string;
  education?: string;
  joinPartyDate?: string;
  fullMemberDate?: string;
  /** 正式 / 预备 / 群众 */
  category?: string;
  jobTitle?: string;
  partyPost?: string;
  leader: boolean;
  /** Leadership interval [leaderFrom, leaderTo); undefined bounds mean "the on-roll bound". */
  leaderFrom?: string;
  leaderTo?: string;
  phone?: string;
  idCard?: string;
  /** On-roll interval [onRollFrom, onRollLeft); no from = on the roll from the start. */
  onRollFrom?: string;
  onRollLeft?: string;
  extra: Record<string, string>;
  /** Terms that ended before the current one (domain/memberTerms.ts): an earlier spell on a roll, an earlier post. */
  history?: PastTerm[];
}

/** The member fields a roster column can fill, in display order. */
export type MemberField =
  | 'name' | 'gender' | 'birthDate' | 'ethnicity' | 'education' | 'joinPartyDate' | 'fullMemberDate'
  | 'category' | 'jobTitle' | 'partyPost' | 'leader' | 'branch' | 'phone' | 'idCard' | 'onRollFrom' | 'onRollLeft';

export interface FieldSpec {
  field: MemberField;
  label: string;
  /** Header spellings, compared after removing spaces, brackets and punctuation. */
  synonyms: string[];
  kind: 'text' | 'kept' | 'date' | 'name' | 'gender' | 'category' | 'yesno' | 'phone' | 'idcard';
}

export const FIELD_SPECS: FieldSpec[] = [
  { field: 'name', label: '姓名', synonyms: ['姓名', '名字', '党员姓名', '人员姓名'], kind: 'name' },
  { field: 'gender', label: '性别', synonyms: ['性别'], kind: 'gender' },
  { field: 'birthDate', label: '出生年月', synonyms: ['出生年月', '出生日期', '出生年月日', '生日'], kind: 'date' },
  { field: 'ethnicity', label: '民族', synonyms: ['民族'], kind: 'text' },
  { field: 'education', label: '学历', synonyms: ['学历', '文化程度', '最高学历', '全日制学历'], kind: 'text' },
  { field: 'joinPartyDate', label: '入党时间', synonyms: ['入党时间', '入党日期', '入党年月'], kind: 'date' },
  { field: 'fullMemberDate', label: '转正时间', synonyms: ['转正时间', '转正日期', '转正年月'], kind: 'date' },
  { field: 'category', label: '人员类别', synonyms: ['人员类别', '党员类型', '党员类别', '人员类型', '党员状态', '类别'], kind: 'category' },
  { field: 'jobTitle', label: '职务', synonyms: ['职务', '行政职务', '工作单位及职务', '工作职务', '现任职务', '职务职级'], kind: 'kept' },
  { field: 'partyPost', label: '党内职务', synonyms: ['党内职务', '支部职务', '党内职务支部职务', '支委职务'], kind: 'kept' },
  { field: 'leader', label: '是否班子成员', synonyms: ['是否班子成员', '班子成员', '支委', '是否支委', '是否支委成员'], kind: 'yesno' },
  { field: 'branch', label: '所在支部', synonyms: ['所在支部', '支部', '党支部', '所在党支部', '支部名称'], kind: 'kept' },
  { field: 'phone', label: '联系电话', synonyms: ['联系电话', '手机', '手机号码', '手机号', '电话', '联系方式'], kind: 'phone' },
  { field: 'idCard', label: '身份证号', synonyms: ['身份证号', '公民身份号码', '身份证号码', '身份证'], kind: 'idcard' },
  { field: 'onRollFrom', label: '转入日期', synonyms: ['转入日期', '调入日期', '转入时间', '调入时间'], kind: 'date' },
  { field: 'onRollLeft', label: '转出日期', synonyms: ['转出日期', '调出日期', '转出时间', '调出时间'], kind: 'date' },
];

/** Party posts that make a member part of the branch committee. */
export function isLeaderPost(post: string | undefined): boolean {
  if (!post) return false;
  const p = post.replace(/\s/g, '');
  if (p === '' || p === '无' || p === '党员') return false;
  return /书记|委员|支委/.test(p);
}

/** Normalises 人员类别: 正式 / 预备 / 群众, or undefined when unknown. */
export function parseCategory(s: string): string | undefined {
  const t = s.replace(/\s/g, '');
  if (/^(正式|正式党员|中共党员|党员)$/.test(t)) return '正式';
  if (/^(预备|预备党员|中共预备党员)$/.test(t)) return '预备';
  if (/^(群众|非党员|非中共党员)$/.test(t)) return '群众';
  return undefined;
}

/** Whether a term [from, to) covers `day` (absent bounds are open). */
export const covers = (t: { from?: string; to?: string }, day: string): boolean => (!t.from || t.from <= day) && (!t.to || day < t.to);

/** Whether an earlier spell on the member's present branch's roll covers `day`. */
export function pastRollOn(m: Pick<Member, 'branch' | 'history'>, day: string): boolean {
  return !!m.history?.some((t) => t.kind === 'roll' && t.branch === m.branch && covers(t, day));
}

/** Whether an earlier committee post (while on the present branch's roll) covers `day`. */
export function pastLeaderOn(m: Pick<Member, 'history'>, day: string): boolean {
  return !!m.history?.some((t) => t.kind === 'leader' && covers(t, day));
}

type Roll = Pick<Member, 'onRollFrom' | 'onRollLeft'> & Partial<Pick<Member, 'branch' | 'history'>>;

/** Whether the member is on the roll (of their present branch) on `day` (YYYY-MM-DD): the current spell,
 * or an earlier one in the same branch (left and came back). */
export function onRollOn(m: Roll, day: string): boolean {
  if ((!m.onRollFrom || m.onRollFrom <= day) && (!m.onRollLeft || day < m.onRollLeft)) return true;
  return m.history !== undefined && m.branch !== undefined && pastRollOn(m as Pick<Member, 'branch' | 'history'>, day);
}

/** Whether the member is on the roll of any branch on `day`: any spell, in this branch or one moved from
 * (a record of that day counts for the person, whichever branch it is the record of). */
export function onAnyRollOn(m: Roll, day: string): boolean {
  return onRollOn(m, day) || !!m.history?.some((t) => t.kind === 'roll' && covers(t, day));
}

/** Whether the member is on the roll (of their present branch) on at least one day of [start, end) (end exclusive). */
export function onRollDuring(m: Roll, start: string, end: string): boolean {
  if ((!m.onRollFrom || m.onRollFrom < end) && (!m.onRollLeft || m.onRollLeft > start)) return true;
  return !!m.history?.some((t) => t.kind === 'roll' && t.branch === m.branch && (!t.from || t.from < end) && t.to > start);
}

/** Whether the member holds a committee post on `day` (the current one, or an earlier one). */
export function leaderOn(m: Pick<Member, 'leader' | 'leaderFrom' | 'leaderTo' | 'onRollFrom' | 'onRollLeft'> & Partial<Pick<Member, 'branch' | 'history'>>, day: string): boolean {
  if (!onRollOn(m, day)) return false;
  if (m.history && pastLeaderOn(m, day)) return true;
  if (!m.leader) return false;
  return (!m.leaderFrom || m.leaderFrom <= day) && (!m.leaderTo || day < m.leaderTo);
}
