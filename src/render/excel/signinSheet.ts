// Writes the printable A4 sign-in sheet (学习签到表) for one session: title block, a row per member on the
// roll that day with room for a signature, a 状态 drop-down, repeated header on every page, and a hidden
// column of member ids (plus the session id) so `import --kind signin` can match the filled sheet exactly.
import { SIGNIN_HEADERS, STATUS_CHOICES, sessionMarker } from '../../io/excel/signinLayout.js';

/** Everything the sheet prints. */
export interface SigninSheetModel {
  sessionId: number;
  branch: string;
  typeName: string;
  topic: string;
  date: string;
  startTime?: string;
  endTime?: string;
  hours?: number;
  place?: string;
  speaker?: string;
  recorder?: string;
  rows: { memberId: number; name: string; status?: string; note?: string }[];
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function weekday(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
}

/** Writes the workbook to `file` (exceljs loaded only here). */
export async function writeSigninSheet(file: string, s: SigninSheetModel): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shuxiang';
  wb.title = `${s.branch}学习签到表`;
  wb.subject = sessionMarker(s.sessionId);
  const ws = wb.addWorksheet('签到表', {
    views: [{ state: 'frozen', ySplit: 5 }],
    pageSetup: {
      paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"宋体"&10第 &P 页，共 &N 页' },
  });
  ws.columns = [
    { key: 'seq', width: 6 }, { key: 'name', width: 14 }, { key: 'signature', width: 28 }, { key: 'status', width: 10 },
    { key: 'note', width: 24 }, { key: 'memberId', width: 8, hidden: true },
  ];
  const font = { name: '宋体', size: 12 };
  const thin = { style: 'thin' as const };
  const box = { top: thin, left: thin, bottom: thin, right: thin };
  const line = (row: number, from: string, to: string, text: string, opts: { size?: number; bold?: boolean; align?: 'left' | 'center' } = {}) => {
    ws.mergeCells(`${from}${row}:${to}${row}`);
    const c = ws.getCell(`${from}${row}`);
    c.value = text;
    c.font = { ...font, size: opts.size ?? 12, bold: opts.bold ?? false };
    c.alignment = { horizontal: opts.align ?? 'left', vertical: 'middle', wrapText: true };
  };

  line(1, 'A', 'E', `${s.branch}学习签到表`, { size: 18, bold: true, align: 'center' });
  ws.getRow(1).height = 34;
  line(2, 'A', 'E', `${s.typeName}：${s.topic}`, { size: 13, bold: true, align: 'center' });
  ws.getRow(2).height = s.topic.length > 30 ? 40 : 26;
  const time = s.startTime ? ` ${s.startTime}${s.endTime ? `—${s.endTime}` : ''}` : '';
  line(3, 'A', 'C', `日期：${s.date}（${weekday(s.date)}）${time}${s.hours !== undefined ? `　${s.hours} 学时` : ''}`);
  line(3, 'D', 'E', `地点：${s.place ?? ''}`);
  line(4, 'A', 'C', `主讲/主持：${s.speaker ?? ''}`);
  line(4, 'D', 'E', `活动编号：${s.sessionId}`, { size: 10 });
  ws.getRow(3).height = 22;
  ws.getRow(4).height = 22;
  ws.getCell('F1').value = sessionMarker(s.sessionId);

  const header = ws.getRow(5);
  header.values = [SIGNIN_HEADERS.seq, SIGNIN_HEADERS.name, SIGNIN_HEADERS.signature, SIGNIN_HEADERS.status, SIGNIN_HEADERS.note, SIGNIN_HEADERS.memberId];
  header.height = 24;
  header.eachCell((c) => {
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    c.border = box;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });

  const first = 6;
  s.rows.forEach((r, i) => {
    const row = ws.getRow(first + i);
    // Text goes in as plain strings: exceljs writes them as text cells, never as formulas.
    row.values = [i + 1, r.name, '', r.status ?? '', r.note ?? '', r.memberId];
    row.height = 30;
    row.eachCell({ includeEmpty: true }, (c, col) => {
      if (col > 5) return;
      c.font = font;
      c.border = box;
      c.alignment = { horizontal: col === 5 ? 'left' : 'center', vertical: 'middle', wrapText: col === 5 };
    });
  });
  const last = first + s.rows.length - 1;
  // One validation for the whole 状态 column: set cell by cell, exceljs writes overlapping ranges
  // (D10:D17 and D6:D17) that Excel then offers to "repair".
  if (s.rows.length) {
    (ws as unknown as { dataValidations: { add(range: string, v: import('exceljs').DataValidation): void } }).dataValidations.add(`D${first}:D${last}`, {
      type: 'list', allowBlank: true, formulae: [`"${STATUS_CHOICES.join(',')}"`],
      showErrorMessage: true, errorStyle: 'warning', errorTitle: '状态', error: `可填：${STATUS_CHOICES.join('、')}，或 ✓ 迟 假 ✗`,
      showInputMessage: true, promptTitle: '状态', prompt: '出席/迟到/请假/缺席；签了名、状态空着的按出席计',
    });
  }
  let r = last + 2;
  line(r, 'A', 'E', `应到 ${s.rows.length} 人　　实到 ____ 人　　请假 ____ 人　　缺席 ____ 人`);
  ws.getRow(r).height = 26;
  r++;
  line(r, 'A', 'E', `记录人：${s.recorder ?? '__________'}　　　　支部书记（签字）：__________`);
  ws.getRow(r).height = 26;
  r++;
  line(r, 'A', 'E', '说明：状态栏可填 出席、迟到、请假（事假/病假/公假）、缺席，也可用 ✓、迟、假（或 ○）、✗；签了名而状态空着的按出席计；签名栏写“请假”“缺席”等的按所写状态计，划“/”的按没有签到计。签完后请交支部书记或组织委员录入。', { size: 10 });
  ws.getRow(r).height = 50;
  ws.getCell(`A${r}`).font = { ...font, size: 10, color: { argb: 'FF666666' } };
  ws.pageSetup.printArea = `A1:E${r}`;
  ws.pageSetup.printTitlesRow = '5:5';
  await wb.xlsx.writeFile(file);
}
