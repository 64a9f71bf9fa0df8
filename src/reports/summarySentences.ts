// The sentences of the written summary that carry figures, built so that nothing empty is printed: a
// part of a sentence whose figure is zero or missing is left out (no “开展一线调研0次、共0天”, no
// “平均成绩—分”), and where nothing happened at all the sentence says so in words.
import { formatRate } from '../domain/attendanceStats.js';
import type { PeriodReport } from './periodReportTypes.js';
import { periodNoun } from './reportNames.js';

const n = (x: number) => x.toLocaleString('en');
const join = (parts: (string | false | undefined)[], sep = '，') => parts.filter(Boolean).join(sep);

/** 支部共有党员24名，其中支部委员会成员5名、预备党员2名 */
export function membersSentence(r: PeriodReport): string {
  const h = r.headline;
  if (!h.members) return '支部暂无在册党员';
  const of = join([h.leaders > 0 && `支部委员会成员${h.leaders}名`, h.probationary > 0 && `预备党员${h.probationary}名`], '、');
  return `支部共有党员${h.members}名${of ? `，其中${of}` : ''}`;
}

/** 共组织各类学习活动49次、103学时，其中集中学习12次…；党员参加学习活动出勤率92.2%（应到…） */
export function sessionsSentence(r: PeriodReport): string {
  const h = r.headline;
  if (!h.sessionsHeld) return '尚未组织学习活动';
  const a = h.attendance;
  const types = h.sessionsByType.filter((t) => t.held).map((t) => `${t.name}${t.held}次`).join('、');
  const held = `共组织各类学习活动${h.sessionsHeld}次${h.sessionHours ? `、${h.sessionHours}学时` : ''}${types ? `，其中${types}` : ''}`;
  if (a.rate === null) return held;
  const detail = join([`应到${n(a.expected)}人次`, `实到${n(a.attended)}人次`, a.excused > 0 && `请假${n(a.excused)}人次`]);
  return `${held}；党员参加学习活动出勤率${formatRate(a.rate)}（${detail}）`;
}

/** 本年度累计自学…学时，人均…；读完各类书籍…本（…），撰写心得体会和理论文章…篇、共…字 */
export function selfStudySentence(r: PeriodReport): string {
  const h = r.headline;
  const noun = periodNoun(r.period.kind);
  const study = h.studyHours > 0 && join([`累计自学${n(h.studyHours)}学时`, `人均${h.studyHoursPerHead}学时`, h.noteDays > 0 && `记笔记${n(h.noteDays)}天次`]);
  const cats = h.booksByCategory.map((b) => `${b.category}类${b.count}本`).join('、');
  const books = h.books > 0 && `读完各类书籍${h.books}本${cats ? `（${cats}）` : ''}`;
  const essays = h.essays > 0 && `撰写心得体会和理论文章${h.essays}篇${h.essayChars ? `、共${n(h.essayChars)}字` : ''}`;
  const said = join([study, join([books, essays])], '；');
  return said ? `${noun}${said}` : `${noun}尚未登记个人自学、读书和心得文章`;
}

/** 本年度开展一线调研32次、共256天，开展理论宣讲和业务讲座8次；党员参加继续教育培训…，参加理论考试…，平均成绩…分 */
export function practiceSentence(r: PeriodReport): string {
  const h = r.headline;
  const noun = periodNoun(r.period.kind);
  const research = h.researchTrips > 0 && `开展一线调研${h.researchTrips}次${h.researchDays ? `、共${h.researchDays}天` : ''}`;
  const talks = h.talks > 0 && `开展理论宣讲和业务讲座${h.talks}次`;
  const training = h.trainings > 0 && `党员参加继续教育培训${h.trainings}人次`;
  const exams = h.exams > 0 && `参加理论考试${h.exams}人次${h.examAverage !== null ? `，平均成绩${h.examAverage}分` : ''}`;
  const said = join([join([research, talks]), join([training, exams])], '；');
  return said ? `${noun}${said}` : `${noun}尚未登记调研、宣讲、培训和考试情况`;
}

/** Member rules (全体 and 班子; branch duties are not people) that everyone met, with nothing open. */
export function memberRulesMet(r: PeriodReport): number {
  return r.audit.rules.filter((x) => x.appliesTo !== 'branch' && x.applicable > 0 && x.gap === 0 && x.open === 0).length;
}

/** 对照“…”规则集的17项指标逐项检查，党员个人13项要求中有6项全员达标，支部4项工作要求已完成3项。 */
export function complianceSentence(r: PeriodReport): string {
  const rules = r.audit.rules;
  const member = rules.filter((x) => x.appliesTo !== 'branch' && x.applicable > 0);
  const branch = rules.filter((x) => x.appliesTo === 'branch' && x.applicable > 0);
  const met = memberRulesMet(r);
  const done = branch.filter((x) => x.gap === 0 && x.open === 0).length;
  const parts = [
    member.length > 0 && (met > 0 ? `党员个人${member.length}项要求中有${met}项全员达标` : `党员个人${member.length}项要求均有人尚未达标或仍在进行中`),
    branch.length > 0 && (done > 0 ? `支部${branch.length}项工作要求已完成${done}项` : `支部${branch.length}项工作要求尚未全部完成`),
  ];
  return `对照“${r.audit.ruleSetTitle}”规则集的${rules.length}项指标逐项检查，${join(parts)}。`;
}
