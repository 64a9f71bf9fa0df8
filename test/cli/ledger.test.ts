// `import --kind ledger`: per-member and branch-wide ledgers, many files or a folder at once, the
// template read back, idempotence, every error named by file › sheet › cell, all-or-nothing,
// --dry-run and --skip-invalid.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';
import { readXlsx, writeXlsx, type SheetSpec } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-04-05' });
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const count = (table: string) => query<{ n: number }>(dir, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三' }, { name: '李四' }, { name: '王五', from: '2026-03-10' }]);
});
afterEach(() => cleanup());

/** A per-member ledger: the owner in the title, no 姓名 column. */
function memberLedger(name: string, selfStudy: unknown[][], more: SheetSpec[] = []): SheetSpec[] {
  return [
    { name: '自学', rows: [[`个人学习台账（${name}）· 自学`], [], ['序号', '日期', '学时', '学习内容', '笔记'], ['示例', d('2026-03-10'), 1.5, '示例内容', '是'], ...selfStudy] },
    ...more,
  ];
}

const EVERY_KIND: SheetSpec[] = [
  { name: '听课', rows: [['序号', '日期', '课程题目', '主讲人', '笔记'], [1, d('2026-03-12'), '数字财政', '王教授', '是']] },
  { name: '读书', rows: [['序号', '书名', '作者', '类别', '开始阅读', '读完日期'], [1, '之江新语', '习近平', '政治理论', '2026-02-01', '2026/3/20']] },
  { name: '心得文章', rows: [['类型', '题目', '完成日期', '字数'], ['心得体会', '读之江新语有感', d('2026-03-25'), '1800字']] },
  { name: '调研', rows: [['开始日期', '结束日期', '天数', '地点', '调研主题'], [d('2026-03-02'), d('2026-03-04'), undefined, '县局', '基层财政']] },
  { name: '宣讲', rows: [['类型', '日期', '主题', '听众人数'], ['业务讲座', d('2026-03-18'), '预算管理', 30]] },
  { name: '培训', rows: [['培训名称', '开始日期', '结束日期', '学时'], ['业务培训班', d('2026-03-01'), d('2026-03-05'), 32]] },
  { name: '考试', rows: [['考试名称', '日期', '成绩', '是否合格'], ['理论考试', d('2026-03-11'), 92, '合格']] },
  { name: '读书交流', rows: [['日期', '交流书目', '地点'], [d('2026-03-30'), '之江新语', '读书角']] },
];

describe('ledger shapes', () => {
  it('a per-member workbook with every kind; importing it again adds nothing', async () => {
    const file = join(dir, '张三.xlsx');
    await writeXlsx(file, memberLedger('张三', [[1, d('2026-03-01'), 1, '第一卷', '是'], [2, '2026-03-02', '2小时', '第二卷', '否']], EVERY_KIND));
    const r = await run('--json', 'import', '--kind', 'ledger', file);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s.rows).toBe(10);
    expect(s.kinds['self-study']).toEqual({ added: 2, updated: 0, unchanged: 0 });
    for (const k of ['lecture', 'book', 'writing', 'research', 'talk', 'training', 'exam', 'exchange']) expect(s.kinds[k]).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(s.books).toEqual({ added: 1, updated: 0 });
    expect(query(dir, 'SELECT member_id, date, hours, content, notes FROM self_study ORDER BY date')).toEqual([
      { member_id: 1, date: '2026-03-01', hours: 1, content: '第一卷', notes: 1 },
      { member_id: 1, date: '2026-03-02', hours: 2, content: '第二卷', notes: 0 },
    ]);
    expect(query(dir, 'SELECT days FROM research')).toEqual([{ days: 3 }]);
    expect(query(dir, 'SELECT chars FROM writings')).toEqual([{ chars: 1800 }]);
    expect(query(dir, 'SELECT passed, score FROM exams')).toEqual([{ passed: 1, score: 92 }]);
    const again = JSON.parse((await run('--json', 'import', '--kind', 'ledger', file)).stdout);
    expect(Object.values(again.kinds).every((k) => (k as { added: number }).added === 0)).toBe(true);
    expect(again.kinds['self-study']).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(count('batches WHERE command = \'import ledger\'')).toBe(1);
  });

  it('a branch workbook with a 姓名 column, and a CSV found by its header', async () => {
    const file = join(dir, '一支部.xlsx');
    await writeXlsx(file, [{ name: '自学', rows: [['一支部三月学习台账'], ['序号', '姓名', '日期', '学时', '学习内容', '笔记'], [1, '张三', d('2026-03-01'), 1, 'A', '是'], [2, '李四', d('2026-03-01'), 2, 'A', '否'], ['合计', undefined, undefined, 3]] }]);
    const csv = join(dir, 'exams.csv');
    (await import('node:fs')).writeFileSync(csv, '\ufeff姓名,考试名称,日期,成绩\n李四,理论考试,2026-03-11,88\n');
    const r = await run('--json', 'import', '--kind', 'ledger', file, csv);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).kinds).toEqual({ 'self-study': { added: 2, updated: 0, unchanged: 0 }, exam: { added: 1, updated: 0, unchanged: 0 } });
    expect(query(dir, 'SELECT member_id FROM self_study ORDER BY member_id')).toEqual([{ member_id: 1 }, { member_id: 2 }]);
  });

  it('reads back the template written by `template ledger`, owner in the 姓名 field', async () => {
    expect((await run('template', 'ledger')).code).toBe(0);
    const file = join(dir, '个人学习台账模板.xlsx');
    const wb = await readXlsx(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['自学', '听课', '读书', '心得文章', '调研', '宣讲', '培训', '考试', '读书交流', '填表说明']);
    const ws = wb.getWorksheet('自学')!;
    expect(ws.getCell('A5').value).toBe('示例');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    ws.getCell('B2').value = '李四';
    ws.getCell('C6').value = d('2026-03-03');
    ws.getCell('D6').value = 1;
    ws.getCell('E6').value = '党章';
    ws.getCell('F6').value = '是';
    wb.getWorksheet('读书')!.getRow(6).values = [1, '张三', '党史', '', '', '党史', '', d('2026-03-28')];
    await wb.xlsx.writeFile(file);
    const r = await run('--json', 'import', '--kind', 'ledger', file);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).kinds).toEqual({ 'self-study': { added: 1, updated: 0, unchanged: 0 }, book: { added: 1, updated: 0, unchanged: 0 } });
    expect(query(dir, 'SELECT member_id FROM self_study')).toEqual([{ member_id: 2 }]);
    expect(query(dir, 'SELECT member_id FROM readings')).toEqual([{ member_id: 1 }]);
  });
});

describe('the owner on a form line (hunt 2026-12-04)', () => {
  it('"姓名：李四　　支部：…" in one cell names 李四, the label after it not part of the name', async () => {
    for (const line of ['姓名：李四　　　支部：机关第一党支部', '姓名: 李四 支部: 机关第一党支部', '姓名：李四，职务：干部']) {
      const file = join(dir, '台账.xlsx');
      await writeXlsx(file, [{ name: '自学', rows: [['个人学习台账'], [line], ['日期', '学时', '学习内容', '笔记'], [d('2026-03-11'), 1, '读党章', '是']] }]);
      const r = await run('--json', 'import', '--kind', 'ledger', file, '--no-backup');
      expect(r.code, `${line}: ${r.stderr}`).toBe(0);
      expect(query(dir, 'SELECT DISTINCT m.name FROM self_study s JOIN members m ON m.id = s.member_id')).toEqual([{ name: '李四' }]);
    }
  });
});

describe('per-member template', () => {
  it('writeLedgerWorkbook({ member }) puts the name in the title and B2, drops the 姓名 column, and reads back', async () => {
    const { writeLedgerWorkbook } = await import('../../src/render/excel/ledgerTemplate.js');
    const file = join(dir, '李四台账.xlsx');
    await writeLedgerWorkbook(file, { member: '李四', branch: '机关第一党支部', month: '2026-03' });
    const wb = await readXlsx(file);
    const ws = wb.getWorksheet('自学')!;
    expect(String(ws.getCell('A1').value)).toBe('个人学习台账（李四）· 自学（2026 年 03 月）');
    expect(ws.getCell('B2').value).toBe('李四');
    expect(ws.getRow(4).values).toEqual([undefined, '序号', '日期', '学时', '学习内容', '笔记']);
    ws.getRow(6).values = [1, d('2026-03-02'), 2, '党章', '否'];
    await wb.xlsx.writeFile(file);
    const r = await run('--json', 'import', '--kind', 'ledger', file);
    expect(JSON.parse(r.stdout).kinds).toEqual({ 'self-study': { added: 1, updated: 0, unchanged: 0 } });
    expect(query(dir, 'SELECT member_id, hours FROM self_study')).toEqual([{ member_id: 2, hours: 2 }]);
  });
});

describe('many files', () => {
  async function folder(): Promise<string> {
    const f = join(dir, '三月台账');
    mkdirSync(f);
    await writeXlsx(join(f, '张三.xlsx'), memberLedger('张三', [[1, d('2026-03-01'), 1, 'A', '是']]));
    await writeXlsx(join(f, '李四.xlsx'), memberLedger('李四', [[1, d('2026-03-01'), 1.5, 'A', '是'], [2, d('2026-03-02'), 1, 'B', '否']]));
    await writeXlsx(join(f, '王五.xlsx'), memberLedger('王五', [[1, d('2026-03-12'), 1, 'A', '是']]));
    return f;
  }

  it('a folder: every file in one batch; an edited row updates on the next import', async () => {
    const f = await folder();
    const r = await run('import', '--kind', 'ledger', f);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('导入完成：3 个文件，4 条记录');
    expect(r.stdout).toContain('自学：已新增 4 条，已更新 0 条，未变 0 条');
    await writeXlsx(join(f, '李四.xlsx'), memberLedger('李四', [[1, d('2026-03-01'), 2, 'A', '是'], [2, d('2026-03-02'), 1, 'B', '否']]));
    const again = await run('import', '--kind', 'ledger', join(f, '张三.xlsx'), join(f, '李四.xlsx'), join(f, '王五.xlsx'));
    expect(again.stdout).toContain('自学：已新增 0 条，已更新 1 条，未变 3 条');
    expect(count('self_study')).toBe(4);
  });

  it('one bad file among three: nothing written, the problem named', async () => {
    const f = await folder();
    await writeXlsx(join(f, '王五.xlsx'), memberLedger('王五', [[1, d('2026-03-12'), 30, 'A', '是']]));
    const r = await run('import', '--kind', 'ledger', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('3 个台账文件中有 1 处问题，未导入任何数据');
    expect(r.stderr).toContain('王五.xlsx › 自学 › C5：学时“30”超出范围：须大于 0 且不超过 24');
    expect(count('self_study')).toBe(0);
  });

  it('--dry-run counts and writes nothing; --skip-invalid writes the good rows and a rejects workbook', async () => {
    const f = await folder();
    const batches = count('batches');
    const dry = await run('--json', 'import', '--kind', 'ledger', f, '--dry-run');
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, kinds: { 'self-study': { added: 4 } } });
    expect(count('self_study')).toBe(0);
    expect(count('batches')).toBe(batches);
    await writeXlsx(join(f, '王五.xlsx'), memberLedger('王五', [[1, d('2026-03-12'), 0, 'A', '是'], [2, d('2026-03-13'), 1, 'B', '是']]));
    const r = await run('import', '--kind', 'ledger', f, '--skip-invalid');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 条记录，拒绝 1 行');
    expect(count('self_study')).toBe(4);
    const rejects = join(f, '王五.rejects.xlsx');
    expect(existsSync(rejects)).toBe(true);
    const ws = (await readXlsx(rejects)).getWorksheet('自学')!;
    expect(ws.getRow(2).getCell(1).value).toBe(5);
    expect(String(ws.getRow(2).getCell(2).value)).toContain('学时“0”超出范围');
  });
});

describe('ledger errors name file › sheet › cell', () => {
  it('unknown member, bad date, hours ≤ 0 or > 24, unknown category', async () => {
    const file = join(dir, '支部.xlsx');
    await writeXlsx(file, [
      { name: '自学', rows: [['序号', '姓名', '日期', '学时', '学习内容'], [1, '张三', '2026-02-30', 1, 'A'], [2, '钱七', d('2026-03-01'), 1, 'A'], [3, '李四', d('2026-03-01'), 0, 'A'], [4, '李四', d('2026-03-02'), 24.5, 'A'], [5, '张三', '三月', 1, 'B']] },
      { name: '读书', rows: [['姓名', '书名', '类别', '读完日期'], ['张三', '某书', '哲学', d('2026-03-20')]] },
    ]);
    const r = await run('import', '--kind', 'ledger', file);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').map((l) => l.trim());
    expect(lines).toContain('支部.xlsx › 自学 › C2：日期“2026-02-30”不是有效日期：“2026-02-30”不是真实存在的日期');
    expect(lines).toContain('支部.xlsx › 自学 › B3：姓名“钱七”不在花名册中，请核对姓名（须与花名册一致），或先用 shuxiang member add 添加此人');
    expect(lines).toContain('支部.xlsx › 自学 › D4：学时“0”超出范围：须大于 0 且不超过 24');
    expect(lines).toContain('支部.xlsx › 自学 › D5：学时“24.5”超出范围：须大于 0 且不超过 24');
    expect(lines).toContain('支部.xlsx › 自学 › C6：日期“三月”不是有效日期：无法识别“三月”，请写成 1985-03-01 或 1985年3月 这样的格式');
    expect(lines).toContain('支部.xlsx › 读书 › C2：类别“哲学”无效，请从下拉列表中选择：政治理论、业务、科学人文、党史、其他');
    expect(r.stderr).toContain('支部.xlsx 中有 6 处问题');
    expect(count('self_study') + count('readings') + count('books')).toBe(0);
  });

  it('a date typed as text with a time (2026-03-05 14:30, 2026/3/6 9:00:00) is that day; a time that cannot be is named', async () => {
    const file = join(dir, '听课.xlsx');
    await writeXlsx(file, [{ name: '听课', rows: [['序号', '姓名', '日期', '课程题目', '主讲人'], [1, '张三', '2026-03-05 14:30', '数字经济与财政治理', '王教授'], [2, '李四', '2026/3/6 9:00:00', '党史专题', '李教授'], [3, '李四', '2026年3月7日 下午2:30', '预算管理', '赵教授']] }]);
    const r = await run('--json', 'import', '--kind', 'ledger', file);
    expect(r.code, r.stderr).toBe(0);
    expect(query(dir, 'SELECT member_id, date FROM lectures ORDER BY date')).toEqual([{ member_id: 1, date: '2026-03-05' }, { member_id: 2, date: '2026-03-06' }, { member_id: 2, date: '2026-03-07' }]);
    const bad = join(dir, '错.xlsx');
    await writeXlsx(bad, [{ name: '听课', rows: [['序号', '姓名', '日期', '课程题目'], [1, '张三', '2026-03-05 14:75', '数字经济']] }]);
    const e = await run('import', '--kind', 'ledger', bad);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('错.xlsx › 听课 › C2：日期“2026-03-05 14:75”不是有效日期：“14:75”不是真实的时间，请核对；只需写日期，如 2026-03-05');
  });

  it('an unknown owner in the title is named once, at the title cell; off-roll dates only warn', async () => {
    const file = join(dir, '钱七.xlsx');
    await writeXlsx(file, memberLedger('钱七', [[1, d('2026-03-01'), 1, 'A'], [2, d('2026-03-02'), 1, 'B']]));
    const r = await run('import', '--kind', 'ledger', file);
    expect(r.stderr.match(/钱七\.xlsx › 自学 › A1：姓名“钱七”不在花名册中/g)).toHaveLength(1);
    const w = join(dir, '王五.xlsx');
    await writeXlsx(w, memberLedger('王五', [[1, d('2026-03-01'), 1, 'A']]));
    const ok = await run('import', '--kind', 'ledger', w);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('王五.xlsx › 自学 › 第 5 行：王五 在 2026-03-01 不在册');
  });
});
