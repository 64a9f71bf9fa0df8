// The 概况 sheet: who and when, the headline figures, sessions by type against the rules, books by
// category and compliance per rule — four small tables stacked on one printable page.
import type { Workbook, Worksheet } from 'exceljs';
import { addDaysIso } from '../../domain/periods.js';
import type { PeriodReport } from '../../reports/periodReportTypes.js';
import { STATUS_TEXT } from '../../reports/summaryText.js';
import { BODY_FONT, BOX, FOOTER, HEAD_FILL, HEAD_FONT, TITLE_FONT, pageSetupFor, rowHeight, writeTitle } from './ledgerStyle.js';

// One portrait A4 page at ≥ 9 pt: the widths add up to 108 (see pageSetupFor).
const WIDTHS = [18, 38, 9, 9, 9, 9, 8, 8];
const APPLIES: Record<string, string> = { all: '全体', leaders: '班子', branch: '支部' };

/** A cell: text, a number, or a share shown as a percentage. */
type Cell = string | number | null | undefined | { pct: number | null };

/** Adds the sheet and commits it. */
export function addOverview(wb: Workbook, r: PeriodReport): Worksheet {
  const ws = wb.addWorksheet('概况', { pageSetup: pageSetupFor(WIDTHS, '1:1', { orientation: 'portrait' }), headerFooter: FOOTER, views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }] });
  ws.columns = WIDTHS.map((width) => ({ width }));
  writeTitle(ws, WIDTHS.length, `${r.branch} ${r.period.label}学习台账`, 32);
  let row = 2;
  const line = (text: string, font = BODY_FONT) => {
    ws.mergeCells(row, 1, row, WIDTHS.length);
    const x = ws.getRow(row);
    x.getCell(1).value = text;
    x.getCell(1).font = font;
    x.getCell(1).alignment = { vertical: 'middle', wrapText: true };
    x.height = rowHeight([text], [WIDTHS.reduce((a, b) => a + b, 0)], 20);
    x.commit();
    row++;
  };
  const table = (heading: string, headers: string[], rows: Cell[][], formats: (string | undefined)[] = []) => {
    row++;
    line(heading, { ...TITLE_FONT, size: 12 });
    const put = (values: Cell[], head: boolean) => {
      const x = ws.getRow(row++);
      values.forEach((v, i) => {
        const c = x.getCell(i + 1);
        const pct = typeof v === 'object' && v !== null;
        c.value = pct ? v.pct : v === undefined || v === '' ? null : v;
        c.font = head ? HEAD_FONT : BODY_FONT;
        c.border = BOX;
        if (head) c.fill = HEAD_FILL;
        c.alignment = { horizontal: head || typeof v === 'number' || pct ? 'center' : 'left', vertical: 'middle', wrapText: true };
        const fmt = pct ? '0.0%' : formats[i];
        if (!head && fmt && (typeof v === 'number' || pct)) c.numFmt = fmt;
      });
      x.height = rowHeight(values.map((v) => (typeof v === 'string' ? v : null)), WIDTHS);
      x.commit();
    };
    put(headers, true);
    for (const values of rows) put(values, false);
  };

  const h = r.headline;
  const a = h.attendance;
  line(`机关：${r.organ || '—'}　　统计期间：${r.period.start} 至 ${lastDay(r.period.end)}　　截至：${r.asOf}${r.period.ended ? '' : '（本期尚未结束）'}`);
  line(`规则集：${r.audit.ruleSetTitle}　　${r.revealed ? '本台账含完整身份证号和手机号，请妥善保管。' : '身份证号、手机号已打码。'}`);
  const moves = [...r.moves.joined.map((m) => `${m.name}（${m.date} 转入）`), ...r.moves.left.map((m) => `${m.name}（${m.date} 转出）`)];
  table('一、基本数据', ['项目', '说明', '数值', '单位'], [
    ['在册党员', `截至 ${lastDay(r.period.countedEnd)}；其中班子成员 ${h.leaders} 人，预备党员 ${h.probationary} 人`, h.members, '人'],
    ['人员变动', moves.join('、') || '无', moves.length, '人'],
    ['组织学习活动', `共 ${h.sessionHours} 学时`, h.sessionsHeld, '次'],
    ['出勤率', `应到 ${a.expected} 人次，实到 ${a.attended}（含迟到 ${a.late}），请假 ${a.excused}，缺席 ${a.absent + a.unmarked}`, { pct: a.rate }, ''],
    ['自学学时', `${h.studyDays} 天次，其中做笔记 ${h.noteDays} 天次`, h.studyHours, '学时'],
    ['人均自学学时', `按本期在册过的 ${h.membersInPeriod} 人计`, h.studyHoursPerHead, '学时'],
    ['读书', h.booksByCategory.map((b) => `${b.category} ${b.count}`).join('、') || '—', h.books, '本'],
    ['心得文章', `${h.writingsByKind.map((w) => `${w.kind} ${w.count}`).join('、') || '—'}；共 ${h.writingChars.toLocaleString('en')} 字`, h.writings, '篇'],
    ['一线调研', `${h.researchTrips} 次`, h.researchDays, '天'],
    ['宣讲讲座', h.talksByKind.map((t) => `${t.kind} ${t.count}`).join('、') || '—', h.talks, '次'],
    ['继续教育培训', `${h.trainingHours} 学时`, h.trainings, '人次'],
    ['理论考试', h.examAverage !== null ? `平均 ${h.examAverage} 分` : '—', h.exams, '人次'],
  ], [undefined, undefined, '0.##']);
  table('二、学习活动（按类型）', ['类型', '规则要求', '举办', '应举办', '情况'],
    h.sessionsByType.filter((t) => t.held > 0 || t.requiredText).map((t) => [t.name, t.requiredText || '—', t.held, t.required, STATUS_TEXT[t.status ?? '']]));
  table('三、读书（按类别）', ['类别', '', '本数', ''], h.booksByCategory.map((b) => [b.category, '', b.count, '']));
  table('四、达标情况（按人数计）', ['规则编号', '规则名称与要求', '对象', '达标', '未达标', '进行中', '不适用', '适用'],
    r.audit.rules.map((x) => [x.id, `${x.title}（${x.quota}）`, APPLIES[x.appliesTo], x.met, x.gap, x.open, x.na, x.applicable]));
  if (r.audit.calendarNote) { row++; line(r.audit.calendarNote); }
  (ws as Worksheet & { commit?: () => void }).commit?.();
  return ws;
}

/** The last day of a period given its exclusive end. */
function lastDay(endExclusive: string): string {
  return addDaysIso(endExclusive, -1);
}
