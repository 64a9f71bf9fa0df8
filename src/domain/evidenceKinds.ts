// The one description of every kind of personal study evidence (自学, 听课, 读书, …): its fields, their
// Chinese labels and header synonyms, types and limits, CLI flags and natural key. The `log` flags and
// questions, the ledger template's columns, the ledger row checks and the store writes are all driven
// from this list, so a field is declared once, here.
import { BOOK_CATEGORIES, TALK_KINDS, WRITING_KINDS, type Evidence } from './evidence.js';

/** What a field holds; `enum` takes one of `options`. */
export type FieldType = 'date' | 'number' | 'int' | 'text' | 'bool' | 'enum';

/** One field of a kind (also a ledger column, a `log` flag and a question). */
export interface EvidenceField {
  /** Domain key; also the store column (from/to → date_from/date_to). */
  key: string;
  /** Chinese label: ledger header, question, error messages. */
  label: string;
  /** Other header spellings the ledger import accepts. */
  synonyms?: string[];
  type: FieldType;
  options?: readonly string[];
  required?: boolean;
  min?: number;
  /** `min` itself is not allowed (hours must be > 0). */
  minExclusive?: boolean;
  max?: number;
  /** The `log` flag, commander style: '--hours <小时>' or '--notes'. */
  flag: string;
  help: string;
  /** Value when the field is left out (bools: notes not taken). */
  fallback?: boolean;
  /** `log` fills this in when the flag is missing: today's date. */
  today?: boolean;
  /** The answer a question offers (the user can change it). */
  suggest?: string;
  /** Kept on the book in the catalogue, not on the reading. */
  onBook?: boolean;
  /** Value on the template's example row. */
  example: string | number | boolean;
  /** Column width in the template. */
  width?: number;
}

/** Command names of the kinds (`shuxiang log <id>`). */
export type EvidenceKindId = 'self-study' | 'lecture' | 'book' | 'writing' | 'research' | 'talk' | 'training' | 'exam' | 'exchange';

/** A kind of record kept in a sheet: its name, its sheet, its fields, what identifies one record. */
export interface RecordSpec {
  id: string;
  name: string;
  /** What `log <id> --help` says it records. */
  description: string;
  /** Ledger sheet name, and other names that sheet may carry. */
  sheet: string;
  sheetAliases: string[];
  fields: EvidenceField[];
  /** Field keys (with the member, for evidence) that identify one record: importing it again updates it. */
  key: string[];
}

/** One kind of evidence. */
export interface EvidenceKindSpec extends RecordSpec {
  id: EvidenceKindId;
  /** Where the engine reads it in the Evidence bundle. */
  evidence: Exclude<keyof Evidence, 'members' | 'sessions' | 'attendance'>;
  /** The date the item counts on (periods, on-roll checks, listing order). */
  dateKey: string;
}

const HELP_DAY: Record<string, string> = {
  date: '日期，如 2026-03-10（默认今天）', from: '开始日期，如 2026-03-10', to: '结束日期（含当天），如 2026-03-12',
  started: '开始阅读的日期', finished: '读完的日期（默认今天），如 2026-03-10',
};
const day = (key: string, label: string, extra: Partial<EvidenceField> = {}): EvidenceField => ({
  key, label, type: 'date', required: true, flag: `--${key} <日期>`, width: 12, help: HELP_DAY[key] ?? label,
  example: key === 'to' ? '2026-03-12' : key === 'started' ? '2026-02-20' : '2026-03-10',
  ...(key === 'date' || key === 'finished' ? { today: true } : {}), ...extra,
});
const text = (key: string, label: string, flag: string, help: string, example: string, extra: Partial<EvidenceField> = {}): EvidenceField => ({
  key, label, type: 'text', flag: `--${flag} <${label}>`, help, example, width: 24, ...extra,
});
const notes = (help: string): EvidenceField => ({
  key: 'notes', label: '笔记', synonyms: ['是否做笔记', '做笔记', '有无笔记', '学习笔记'], type: 'bool', flag: '--notes', help,
  fallback: false, example: '是', width: 8,
});

/** Catalogue fields of a book (shared by the 读书 ledger sheet and `books add|import`). */
export const BOOK_FIELDS: EvidenceField[] = [
  text('title', '书名', 'title', '书名（必填）', '习近平新时代中国特色社会主义思想学习纲要', { required: true, synonyms: ['书目', '图书名称', '书籍名称', '读书书目'], onBook: true, width: 30 }),
  text('author', '作者', 'author', '作者（同名的书靠作者区分）', '', { synonyms: ['著者', '作者译者', '编著'], onBook: true, width: 14 }),
  text('isbn', 'ISBN', 'isbn', 'ISBN 书号', '', { synonyms: ['书号', 'ISBN号'], onBook: true, width: 16 }),
  {
    key: 'category', label: '类别', synonyms: ['图书类别', '书目类别', '分类'], type: 'enum', options: BOOK_CATEGORIES, required: true,
    flag: '--category <类别>', help: `类别：${BOOK_CATEGORIES.join('、')}`, onBook: true, example: '政治理论', width: 10,
  },
];

/** Every kind, in the order of help, ledger sheets and listings. */
export const EVIDENCE_KINDS: readonly EvidenceKindSpec[] = [
  {
    id: 'self-study', name: '自学', description: '登记一天的自学：学时、内容、是否做了笔记', sheet: '自学', sheetAliases: ['每日自学', '自学记录', '自学情况'],
    evidence: 'selfStudy', key: ['date', 'content'], dateKey: 'date',
    fields: [
      day('date', '日期', { synonyms: ['学习日期', '自学日期'] }),
      { key: 'hours', label: '学时', synonyms: ['学时小时', '时长', '学习时长', '小时', '自学时长', '时长小时'], type: 'number', required: true, min: 0, minExclusive: true, max: 24, flag: '--hours <小时>', help: '学了几小时，如 1 或 1.5（大于 0，不超过 24）', suggest: '1', example: 1.5, width: 8 },
      text('content', '学习内容', 'content', '学了什么', '《习近平谈治国理政》第四卷第一专题', { synonyms: ['内容', '自学内容', '学习篇目'], width: 36 }),
      notes('做了学习笔记'),
    ],
  },
  {
    id: 'lecture', name: '听课', description: '登记听的一堂课或专题报告（支部活动以外的，如线上讲座）', sheet: '听课', sheetAliases: ['听课记录', '讲座', '专题报告', '听讲座'],
    evidence: 'lectures', key: ['date', 'title'], dateKey: 'date',
    fields: [
      day('date', '日期', { synonyms: ['听课日期'] }),
      text('title', '课程题目', 'title', '课程或报告题目（必填）', '数字经济与财政治理', { required: true, synonyms: ['题目', '讲座题目', '报告题目', '课程名称', '课程'] }),
      text('speaker', '主讲人', 'speaker', '主讲人', '王教授', { synonyms: ['授课人', '报告人', '主讲'], width: 12 }),
      notes('做了听课笔记'),
    ],
  },
  {
    id: 'book', name: '读书', description: '登记读完（或正在读）的一本书；书目同时记入书目库', sheet: '读书', sheetAliases: ['读书记录', '读书情况', '阅读', '阅读记录'],
    evidence: 'readings', key: ['title', 'author'], dateKey: 'finished',
    fields: [
      ...BOOK_FIELDS,
      day('started', '开始阅读', { synonyms: ['开始日期', '开始时间', '起始日期'], required: false }),
      day('finished', '读完日期', { synonyms: ['完成日期', '读完时间', '结束日期', '阅读完成日期'] }),
    ],
  },
  {
    id: 'writing', name: '心得文章', description: '登记一篇心得体会、理论文章或调研报告及其字数', sheet: '心得文章', sheetAliases: ['心得体会', '文章', '撰写文章', '心得'],
    evidence: 'writings', key: ['title'], dateKey: 'date',
    fields: [
      { key: 'kind', label: '类型', synonyms: ['文章类型', '类别', '体裁'], type: 'enum', options: WRITING_KINDS, required: true, flag: '--kind <类型>', help: `类型：${WRITING_KINDS.join('、')}`, example: '心得体会', width: 12 },
      text('title', '题目', 'title', '题目（必填；用 --file 时默认取文件名）', '读《习近平谈治国理政》第四卷心得', { required: true, synonyms: ['标题', '文章题目', '文章标题', '篇名'], width: 32 }),
      day('date', '完成日期', { synonyms: ['日期', '撰写日期', '写作日期'] }),
      { key: 'chars', label: '字数', synonyms: ['字数字', '文章字数', '篇幅'], type: 'int', required: true, min: 1, max: 1000000, flag: '--chars <字数>', help: '字数（或用 --file 让程序数）', example: 1800, width: 8 },
    ],
  },
  {
    id: 'research', name: '调研', description: '登记一次一线调研：起止日期、天数、地点、主题', sheet: '调研', sheetAliases: ['调研记录', '调研情况', '一线调研'],
    evidence: 'research', key: ['from'], dateKey: 'from',
    fields: [
      day('from', '开始日期', { synonyms: ['起始日期', '调研开始日期', '开始时间'] }),
      day('to', '结束日期', { synonyms: ['截止日期', '调研结束日期', '结束时间'] }),
      { key: 'days', label: '天数', synonyms: ['调研天数', '天'], type: 'int', min: 1, max: 366, flag: '--days <天数>', help: '调研天数（默认为起止日期之间的天数，含首尾）', example: 3, width: 7 },
      text('place', '地点', 'place', '调研地点', '县财政局、乡镇财政所', { synonyms: ['调研地点', '单位'], width: 20 }),
      text('topic', '调研主题', 'topic', '调研主题', '基层财政运行情况', { synonyms: ['主题', '调研内容', '题目'], width: 28 }),
    ],
  },
  {
    id: 'talk', name: '宣讲', description: '登记本人作的一次理论宣讲或业务讲座', sheet: '宣讲', sheetAliases: ['宣讲讲座', '宣讲记录', '讲座授课', '授课'],
    evidence: 'talks', key: ['date', 'topic'], dateKey: 'date',
    fields: [
      { key: 'kind', label: '类型', synonyms: ['宣讲类型', '类别'], type: 'enum', options: TALK_KINDS, required: true, flag: '--kind <类型>', help: `类型：${TALK_KINDS.join('、')}`, example: '理论宣讲', width: 12 },
      day('date', '日期', { synonyms: ['宣讲日期', '授课日期'] }),
      text('topic', '主题', 'topic', '宣讲或讲座的主题（必填）', '学习贯彻党的二十届四中全会精神', { required: true, synonyms: ['宣讲主题', '题目', '讲座题目'], width: 32 }),
      { key: 'audience', label: '听众人数', synonyms: ['人数', '参加人数', '听众'], type: 'int', min: 0, max: 100000, flag: '--audience <人数>', help: '听众人数', example: 45, width: 10 },
    ],
  },
  {
    id: 'training', name: '培训', description: '登记参加的一次继续教育培训', sheet: '培训', sheetAliases: ['培训记录', '继续教育', '教育培训'],
    evidence: 'trainings', key: ['name', 'from'], dateKey: 'from',
    fields: [
      text('name', '培训名称', 'name', '培训名称（必填）', '全市财政系统业务能力提升培训班', { required: true, synonyms: ['培训项目', '名称', '培训班名称', '班次'], width: 32 }),
      day('from', '开始日期', { synonyms: ['起始日期', '培训开始日期'] }),
      day('to', '结束日期', { synonyms: ['截止日期', '培训结束日期'] }),
      { key: 'hours', label: '学时', synonyms: ['培训学时', '学时小时', '课时'], type: 'number', min: 0, minExclusive: true, max: 2000, flag: '--hours <学时>', help: '培训学时', example: 24, width: 8 },
    ],
  },
  {
    id: 'exam', name: '考试', description: '登记参加的一次理论考试及成绩', sheet: '考试', sheetAliases: ['考试记录', '理论考试', '测试'],
    evidence: 'exams', key: ['name', 'date'], dateKey: 'date',
    fields: [
      text('name', '考试名称', 'name', '考试名称（必填）', '2026 年度党员理论知识考试', { required: true, synonyms: ['名称', '考试项目', '测试名称'], width: 30 }),
      day('date', '日期', { synonyms: ['考试日期'] }),
      { key: 'score', label: '成绩', synonyms: ['分数', '得分', '考试成绩'], type: 'number', required: true, min: 0, max: 1000, flag: '--score <分数>', help: '成绩（分数）', example: 92, width: 8 },
      { key: 'passed', label: '是否合格', synonyms: ['合格', '是否通过', '通过'], type: 'bool', flag: '--passed', help: '考试合格', example: '是', width: 10 },
    ],
  },
  {
    id: 'exchange', name: '读书交流', description: '登记参加的一次读书交流（支部活动以外的）', sheet: '读书交流', sheetAliases: ['交流', '读书分享', '读书交流记录'],
    evidence: 'exchanges', key: ['date', 'book'], dateKey: 'date',
    fields: [
      day('date', '日期', { synonyms: ['交流日期'] }),
      text('book', '交流书目', 'book', '交流的书', '《之江新语》', { synonyms: ['书目', '书名', '交流内容'], width: 28 }),
      text('place', '地点', 'place', '地点或形式', '局读书角', { synonyms: ['交流地点', '形式'], width: 16 }),
    ],
  },
];

/** The book catalogue as a sheet (`books import`, `import --kind books`) and as `books add` flags. */
export const BOOK_CATALOGUE: RecordSpec = {
  id: 'books', name: '书目', description: '书目库：书名、作者、类别，书记荐书和必学书目标记', sheet: '书目',
  sheetAliases: ['书目库', '图书目录', '推荐书目', '必学书目', '书单', '图书'], key: ['title', 'author'],
  fields: [
    ...BOOK_FIELDS.map((f) => (f.key === 'category' ? { ...f, required: false } : f)),
    { key: 'recommended', label: '书记荐书', synonyms: ['荐书', '是否荐书', '推荐', '是否推荐'], type: 'bool', flag: '--recommended', help: '标记为书记荐书', example: '是', width: 10 },
    text('recommendedBy', '推荐人', 'by', '推荐人（与 --recommended 同用）', '李书记', { synonyms: ['荐书人'], width: 10 }),
    text('recommendReason', '推荐理由', 'reason', '推荐理由（与 --recommended 同用）', '系统学习党的创新理论的权威读本', { synonyms: ['推荐语', '理由'] }),
    { key: 'requiredYear', label: '必学年度', synonyms: ['必学书目', '必学', '必读年度'], type: 'int', min: 2000, max: 2100, flag: '--required <年份>', help: '列为该年度的必学书目，如 2026', example: 2026, width: 10 },
  ],
};

/** The spec of a kind by command name, Chinese name or sheet name; undefined when unknown. */
export function findKind(typed: string): EvidenceKindSpec | undefined {
  const t = typed.normalize('NFKC').trim().toLowerCase().replace(/[_\s]/g, '-');
  return EVIDENCE_KINDS.find((k) => k.id === t || k.name === t || k.sheet === t || k.sheetAliases.includes(t));
}

/** A kind by id (for code that already holds a valid id). */
export function kindSpec(id: EvidenceKindId): EvidenceKindSpec {
  return EVIDENCE_KINDS.find((k) => k.id === id)!;
}

/** The kinds as “self-study（自学）、…”, for help and errors. */
export function kindChoicesText(): string {
  return EVIDENCE_KINDS.map((k) => `${k.id}（${k.name}）`).join('、');
}
