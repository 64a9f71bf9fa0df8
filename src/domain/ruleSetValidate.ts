// Checks a rule-set JSON file on load and collects every error, each naming the rule and the field in Chinese.
import { BOOK_CATEGORIES, TALK_KINDS, WRITING_KINDS } from './evidence.js';
import { checkBranchRanking } from './branchRanking.js';
import { SESSION_TYPE_IDS } from './sessionTypes.js';
import { PERIOD_KINDS } from './periods.js';
import { APPLIES_TO, DEFAULT_RANKING, METRIC_SHAPES, SETTING_DEFAULTS, RANKING_CAP_KEYS, type MetricName, type Ranking, type Rule, type RuleSet } from './ruleSet.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

const SET_KEYS = ['$schema', 'id', 'title', 'description', 'version', 'note', 'settings', 'rules', 'ranking', 'branchRanking'];
const RULE_KEYS = ['id', 'title', 'source', 'appliesTo', 'metric', 'period', 'threshold', 'recommended', 'options', 'note'];
const WEIGHT_KEYS = ['books', 'writings', 'attendanceRate', 'studyHours', 'assessmentScore'];
/** Weights added later: optional, 0 when left out (older rule files stay valid). */
const OPTIONAL_WEIGHT_KEYS = ['writingChars', 'talks', 'researchDays'];
const METRICS = Object.keys(METRIC_SHAPES) as MetricName[];

/** Validates a parsed rule-set file; returns the rule set with defaults filled, or every error found. */
export function validateRuleSet(json: unknown, sourceName: string): { ok: true; ruleSet: RuleSet } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const top = (msg: string) => errors.push(`${sourceName}：${msg}`);
  if (!isObj(json)) return { ok: false, errors: [`${sourceName}：规则集应为一个 JSON 对象（{ "id": …, "rules": [ … ] }）`] };
  for (const k of Object.keys(json)) if (!SET_KEYS.includes(k)) top(`不认识的字段“${k}”，可用的字段有 ${SET_KEYS.slice(1).join('/')}`);
  if (typeof json.id !== 'string' || !json.id.trim()) top('字段 id 缺失，应为规则集的英文代号，如 "learning-org"');
  if (typeof json.title !== 'string' || !json.title.trim()) top('字段 title 缺失，应为规则集的中文名称');
  const settings = { ...SETTING_DEFAULTS };
  if (json.settings !== undefined) {
    const names = Object.keys(SETTING_DEFAULTS) as (keyof typeof SETTING_DEFAULTS)[];
    if (!isObj(json.settings)) top('字段 settings 应为对象，如 {"excusedCountsAsAttended": false, "skipPeriodsWithoutWorkdays": true}');
    else {
      for (const k of Object.keys(json.settings)) if (!(names as string[]).includes(k)) top(`settings 中不认识的设置“${k}”，可用 ${names.join('、')}`);
      for (const k of names) {
        const v = json.settings[k];
        if (v !== undefined && typeof v !== 'boolean') top(`settings.${k} 的取值“${show(v)}”无效，应为 true 或 false`);
        else if (v !== undefined) settings[k] = v;
      }
    }
  }
  if (!Array.isArray(json.rules) || json.rules.length === 0) top('字段 rules 缺失或为空，应为规则列表');
  const rules = Array.isArray(json.rules) ? json.rules : [];
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    const name = isObj(r) && typeof r.id === 'string' && r.id.trim() ? `规则 ${r.id}` : `第 ${i + 1} 条规则`;
    const err = (msg: string) => errors.push(`${sourceName} › ${name}：${msg}`);
    if (!isObj(r)) return err('应为一个对象');
    checkRule(r, err);
    if (typeof r.id === 'string') {
      if (seen.has(r.id)) err(`编号 ${r.id} 重复，每条规则的 id 必须不同`);
      seen.add(r.id);
    }
  });
  const ranking = json.ranking === undefined ? undefined : checkRanking(json.ranking, (m) => errors.push(`${sourceName} › ranking：${m}`));
  const branchRanking = json.branchRanking === undefined ? undefined : checkBranchRanking(json.branchRanking, (m) => errors.push(`${sourceName} › branchRanking：${m}`));
  if (errors.length) return { ok: false, errors };
  const j = json as Obj & { id: string; title: string; description?: string };
  return {
    ok: true,
    ruleSet: {
      id: j.id, title: j.title, ...(typeof j.description === 'string' ? { description: j.description } : {}),
      settings,
      rules: rules.map((r) => ({ ...(r as Rule), options: (r as Obj).options ?? {} }) as Rule),
      ...(ranking ? { ranking } : {}),
      ...(branchRanking ? { branchRanking } : {}),
    },
  };
}

function checkRule(r: Obj, err: (m: string) => void): void {
  for (const k of Object.keys(r)) if (!RULE_KEYS.includes(k)) err(`不认识的字段“${k}”，可用的字段有 ${RULE_KEYS.join('/')}`);
  if (typeof r.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(r.id)) err(`字段 id 的取值“${show(r.id)}”无效，应为字母、数字和 - 组成的编号，如 "L1-books"`);
  for (const f of ['title', 'source'] as const) {
    if (typeof r[f] !== 'string' || !(r[f] as string).trim()) err(`字段 ${f} 缺失，应为${f === 'title' ? '规则的中文名称' : '规则出处的原文'}`);
  }
  const oneOf = (f: string, list: readonly string[]) => {
    if (typeof r[f] !== 'string' || !list.includes(r[f] as string)) {
      err(r[f] === undefined ? `缺少字段 ${f}，可选 ${list.join('/')}` : `字段 ${f} 的取值“${show(r[f])}”无效，可选 ${list.join('/')}`);
      return false;
    }
    return true;
  };
  oneOf('period', PERIOD_KINDS);
  const appliesOk = oneOf('appliesTo', APPLIES_TO);
  if (!oneOf('metric', METRICS)) return;
  const shape = METRIC_SHAPES[r.metric as MetricName];
  if (appliesOk) {
    if (shape.subject === 'branch' && r.appliesTo !== 'branch') err(`指标 ${r.metric} 考核的是支部，字段 appliesTo 应为 branch`);
    if (shape.subject === 'member' && r.appliesTo === 'branch') err(`指标 ${r.metric} 考核的是个人，字段 appliesTo 应为 all 或 leaders`);
  }
  if (r.threshold === undefined) err('缺少字段 threshold（达标数量）');
  else checkThreshold(r.threshold, 'threshold', r.metric as MetricName, err);
  if (r.recommended !== undefined) checkThreshold(r.recommended, 'recommended', r.metric as MetricName, err);
  if (r.options !== undefined) checkOptions(r.options, r.metric as MetricName, err);
}

function checkThreshold(t: unknown, field: string, metric: MetricName, err: (m: string) => void): void {
  const shape = METRIC_SHAPES[metric];
  if (shape.threshold === 'count') {
    if (!isNum(t) || t < 0) err(`字段 ${field} 的取值“${show(t)}”无效，应为不小于 0 的数字`);
  } else if (shape.threshold === 'share') {
    if (!isNum(t) || t <= 0 || t > 1) err(`字段 ${field} 的取值“${show(t)}”无效，比例应写成 0 到 1 之间的小数，如 0.9 表示 90%`);
  } else {
    const parts = shape.parts ?? [];
    const example = `{${parts.map((p) => `"${p}": 1`).join(', ')}}`;
    if (!isObj(t)) return err(`字段 ${field} 的取值“${show(t)}”无效，指标 ${metric} 应写成 ${example}`);
    for (const [k, v] of Object.entries(t)) {
      if (!parts.includes(k)) err(`字段 ${field} 中的“${k}”无效，可选 ${parts.join('/')}`);
      else if (!isNum(v) || v < 0) err(`字段 ${field}.${k} 的取值“${show(v)}”无效，应为不小于 0 的数字`);
    }
    if (!shape.partsSubset) for (const p of parts) if (!(p in t)) err(`字段 ${field} 缺少“${p}”，应写成 ${example}`);
    if (shape.partsSubset && Object.keys(t).length === 0) err(`字段 ${field} 至少要列出一类，如 ${example}`);
  }
}

function checkOptions(o: unknown, metric: MetricName, err: (m: string) => void): void {
  if (!isObj(o)) return err('字段 options 应为对象');
  const allowed: readonly string[] = METRIC_SHAPES[metric].options;
  const list = (k: string, v: unknown, valid: readonly string[]) => {
    if (!Array.isArray(v) || v.length === 0) return err(`选项 ${k} 应为非空列表，可选 ${valid.join('/')}`);
    for (const x of v) if (!valid.includes(x as string)) err(`选项 ${k} 中的“${show(x)}”无效，可选 ${valid.join('/')}`);
  };
  for (const [k, v] of Object.entries(o)) {
    if (!allowed.includes(k)) {
      err(allowed.length ? `指标 ${metric} 不使用选项“${k}”，可用 ${allowed.join('/')}` : `指标 ${metric} 没有选项，请删去“${k}”`);
      continue;
    }
    if (k === 'sessionTypes') list(k, v, SESSION_TYPE_IDS);
    else if (k === 'writingKinds') list(k, v, WRITING_KINDS);
    else if (k === 'talkKinds') list(k, v, TALK_KINDS);
    else if (k === 'excusedCountsAsAttended' && typeof v !== 'boolean') err(`选项 excusedCountsAsAttended 的取值“${show(v)}”无效，应为 true 或 false`);
    else if (k === 'minChars' && (!Number.isInteger(v) || (v as number) < 0)) err(`选项 minChars 的取值“${show(v)}”无效，应为不小于 0 的整数（字数）`);
    else if (k === 'categoryMap') {
      if (!isObj(v)) err('选项 categoryMap 应为对象，如 {"党史": "政治理论"}');
      else for (const [from, to] of Object.entries(v)) {
        if (!BOOK_CATEGORIES.includes(from as never)) err(`选项 categoryMap 中的类别“${from}”无效，可选 ${BOOK_CATEGORIES.join('/')}`);
        if (!BOOK_CATEGORIES.includes(to as never)) err(`选项 categoryMap 中的类别“${show(to)}”无效，可选 ${BOOK_CATEGORIES.join('/')}`);
      }
    }
  }
}

function checkRanking(r: unknown, err: (m: string) => void): Ranking | undefined {
  if (!isObj(r)) return err('应为对象，如 {"weights": {…}, "top": 10}'), undefined;
  for (const k of Object.keys(r)) if (!['weights', 'caps', 'tieBreak', 'top', 'award', 'minimums', 'note'].includes(k)) err(`不认识的字段“${k}”，可用 weights/caps/tieBreak/top/award/minimums`);
  const all = [...WEIGHT_KEYS, ...OPTIONAL_WEIGHT_KEYS];
  const weights: Record<string, number> = { writingChars: 0, talks: 0, researchDays: 0 };
  if (!isObj(r.weights)) err(`字段 weights 缺失，应写成 {${WEIGHT_KEYS.map((k) => `"${k}": 10`).join(', ')}}`);
  else {
    for (const [k, v] of Object.entries(r.weights)) {
      if (!all.includes(k)) err(`weights 中的“${k}”无效，可选 ${all.join('/')}`);
      else if (!isNum(v) || v < 0) err(`weights.${k} 的取值“${show(v)}”无效，应为不小于 0 的数字`);
      else weights[k] = v;
    }
    for (const k of WEIGHT_KEYS) if (!(k in r.weights)) err(`weights 缺少“${k}”（不计分可写 0）`);
  }
  const caps: Ranking['caps'] = {};
  if (r.caps !== undefined) {
    if (!isObj(r.caps)) err(`字段 caps 应为对象，如 {"books": 12, "studyHours": 300}（每项最多计多少）`);
    else for (const [k, v] of Object.entries(r.caps)) {
      if (!(RANKING_CAP_KEYS as readonly string[]).includes(k)) err(`caps 中的“${k}”无效，可选 ${RANKING_CAP_KEYS.join('/')}`);
      else if (!isNum(v) || v < 0) err(`caps.${k} 的取值“${show(v)}”无效，应为不小于 0 的数字（最多计多少）`);
      else caps[k as keyof Ranking['caps']] = v;
    }
  }
  if (r.tieBreak !== undefined && r.tieBreak !== 'attendanceRate') err(`字段 tieBreak 的取值“${show(r.tieBreak)}”无效，可选 attendanceRate`);
  if (r.top !== undefined && (!Number.isInteger(r.top) || (r.top as number) < 1)) err(`字段 top 的取值“${show(r.top)}”无效，应为正整数（表彰人数）`);
  if (r.award !== undefined && (typeof r.award !== 'string' || !r.award.trim())) err(`字段 award 的取值“${show(r.award)}”无效，应为荣誉称号，如 "书香之星"`);
  const minimums = r.minimums === undefined ? undefined : checkMinimums(r.minimums, err);
  return {
    ...(minimums ? { minimums } : {}),
    weights: weights as unknown as Ranking['weights'], caps, tieBreak: 'attendanceRate',
    top: (r.top as number | undefined) ?? DEFAULT_RANKING.top, award: typeof r.award === 'string' && r.award.trim() ? r.award.trim() : DEFAULT_RANKING.award,
  };
}

function checkMinimums(m: unknown, err: (m: string) => void): Ranking['minimums'] {
  if (!isObj(m)) return err('字段 minimums 应为对象，如 {"noGapIn": "members", "books": 1, "writings": 1}'), undefined;
  for (const k of Object.keys(m)) if (!['noGapIn', 'books', 'writings', 'note'].includes(k)) err(`minimums 中的“${k}”无效，可选 noGapIn/books/writings`);
  const g = m.noGapIn;
  const okGap = g === undefined || g === 'members' || g === 'none' || (Array.isArray(g) && g.every((x) => typeof x === 'string'));
  if (!okGap) err(`minimums.noGapIn 的取值“${show(g)}”无效，可写 "members"（全体党员的各项要求）、"none"（不要求），或规则编号的列表`);
  const count = (k: 'books' | 'writings') => {
    const v = m[k];
    if (v === undefined) return 1;
    if (!Number.isInteger(v) || (v as number) < 0) { err(`minimums.${k} 的取值“${show(v)}”无效，应为不小于 0 的整数`); return 1; }
    return v as number;
  };
  return { noGapIn: okGap && g !== undefined ? (g as 'members' | 'none' | string[]) : 'members', books: count('books'), writings: count('writings') };
}
