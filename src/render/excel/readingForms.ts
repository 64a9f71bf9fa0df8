// The reading room's two fill-in workbooks: the book catalogue template (`template books`, read back by
// `books import`) and the annual plan workbook (`plan init`, read back by `import --kind plan`).
import { LIBRARY_CATALOGUE } from '../../domain/libraryCatalogue.js';
import { PLAN_FORMS, type PlanMonth } from '../../domain/studyPlan.js';
import { writeFormWorkbook } from './formSheet.js';
import { bookTitle } from '../../domain/text.js';

/** The blank book catalogue (书目) template. */
export async function writeBooksTemplate(file: string): Promise<void> {
  const fields = LIBRARY_CATALOGUE.fields;
  await writeFormWorkbook(file, {
    name: LIBRARY_CATALOGUE.sheet,
    title: '图书角书目登记表',
    note: '红色表头为必填项；第 4 行是示例（导入时跳过）。书名 + 作者确定一本书，重复导入只会更新，不会重复登记。',
    columns: fields.map((f) => ({
      header: f.label, width: Math.max(f.width ?? 12, 8), required: !!f.required,
      ...(f.type === 'enum' ? { list: f.options } : f.type === 'bool' ? { list: ['是', '否'] } : {}),
      ...(f.key === 'isbn' || f.type === 'text' ? { text: true } : {}),
    })),
    example: fields.map((f) => (typeof f.example === 'boolean' ? (f.example ? '是' : '否') : f.key === 'isbn' ? '9787513334211' : f.example)),
    rows: [],
    blank: 30,
    notes: [
      '填表说明',
      `1. 列：${fields.map((f) => f.label).join('、')}。只有“书名”必填。`,
      '2. 类别从下拉列表中选：政治理论、业务、科学人文、党史、其他。',
      '3. ISBN 可带短横线，程序会按校验位核对；不清楚可留空。',
      '4. 册数：图书角有几本（默认 1）；存放位置如 A-3 或“二楼图书角 2 号架”。',
      '5. 书记荐书填“是”，并写推荐人和一句推荐理由；必学年度填年份（如 2027）。',
      '6. 填好后运行：shuxiang books import 本文件.xlsx（或 shuxiang import --kind books 本文件.xlsx）。',
    ],
  });
}

/** The plan workbook of a year: twelve months, pre-filled from `existing` where the branch has a plan. */
export async function writePlanWorkbook(file: string, o: { year: number; branch: string; existing: PlanMonth[]; requiredBooks: string[] }): Promise<void> {
  const byMonth = new Map(o.existing.map((p) => [p.month, p]));
  const rows = Array.from({ length: 12 }, (_, i) => {
    const month = `${o.year}-${String(i + 1).padStart(2, '0')}`;
    const p = byMonth.get(month);
    return [`${o.year}年${i + 1}月`, p?.theme ?? '', p?.form ?? '集中学习', p?.books ?? '', p?.cohost ?? '', p?.speaker ?? ''];
  });
  await writeFormWorkbook(file, {
    name: '学习计划',
    title: `${o.branch}${o.year}年度学习计划`,
    note: `一月一主题：每月填写学习主题和形式（${PLAN_FORMS.join('/')}），必学书目、承办单位（各单位轮流承办，可用 shuxiang plan rotate 自动填写）和主讲人。红色表头为必填项。`,
    columns: [
      { header: '月份', width: 12, required: true, text: true },
      { header: '学习主题', width: 40, required: true },
      { header: '形式', width: 10, list: PLAN_FORMS },
      { header: '必学书目', width: 30 },
      { header: '承办单位', width: 14 },
      { header: '主讲人', width: 10 },
    ],
    rows,
    blank: 0,
    notes: [
      '填表说明',
      '1. 每月一行，“月份”已填好，请勿改动；“学习主题”必填。',
      `2. 形式从下拉列表中选：${PLAN_FORMS.join('、')}。集中学习对应“集中学习”活动，读书会对应“读书交流”，讲座对应“专题报告”，参观对应“红色教育/主题党日/联学共建”。`,
      `3. 必学书目写书名，多本用顿号隔开${o.requiredBooks.length ? `；本年度必学书目：${o.requiredBooks.map((t) => `${bookTitle(t)}`).join('、')}` : ''}。`,
      '4. 承办单位：各单位（处室、支部）轮流承办，可留空后运行 shuxiang plan rotate --units 办公室,财务处,人事处 自动轮排。',
      '5. 填好后运行：shuxiang import --kind plan 本文件.xlsx；之后 shuxiang plan show、audit、report 会对照计划检查每月是否开展。',
    ],
  });
}
