// Issue 14, "kept as typed": only what identifies or counts is normalised (names, ID and phone numbers,
// dates, numbers, category and status words); every other text — titles, topics, places, 职务, notes,
// reasons, unknown columns — is stored byte for byte, full-width punctuation included, through every
// way in: `log` flags, the ledger import, the roster import, `member add|edit`, sign-in sheets, books.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, tempDir } from '../helpers/cli.js';
import { cliAt } from '../helpers/cliAt.js';
import { query } from '../helpers/db.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const NOW = '2026-03-15';
const { run, ok, json } = cliAt(() => dir, NOW);
const d = (s: string) => new Date(`${s}T00:00:00Z`);

/** Text with every full-width mark the issue names: （）：《》、 and a full-width comma and semicolon. */
const TITLE = '线上党课：党的创新理论（第一讲）';
const MARKS = '《之江新语》读后：信仰、担当（上）；学而时习，';

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  await ok('member', 'add', '--name', '张建华', '--from', '2026-01-01');
});
afterEach(() => cleanup());

describe('log keeps every text as typed', () => {
  it.each([
    ['lecture', ['--date', '2026-03-12', '--title', TITLE, '--speaker', '李明（市委党校）'], { title: TITLE, speaker: '李明（市委党校）' }],
    ['self-study', ['--date', '2026-03-12', '--hours', '１.５', '--content', MARKS], { content: MARKS, hours: 1.5 }],
    ['writing', ['--kind', '心得体会', '--title', MARKS, '--date', '2026-03-12', '--chars', '１８００'], { title: MARKS, chars: 1800 }],
    ['research', ['--from', '2026-03-02', '--to', '2026-03-03', '--place', '县局（二楼）、乡镇所', '--topic', TITLE], { place: '县局（二楼）、乡镇所', topic: TITLE }],
    ['talk', ['--kind', '理论宣讲', '--date', '2026-03-10', '--topic', MARKS], { topic: MARKS }],
    ['training', ['--name', '业务培训：预算（一期）', '--from', '2026-03-01', '--to', '2026-03-02'], { name: '业务培训：预算（一期）' }],
    ['exam', ['--name', '理论考试（第一季度）', '--date', '2026-03-11', '--score', '９２'], { name: '理论考试（第一季度）', score: 92 }],
    ['exchange', ['--date', '2026-03-13', '--book', '《之江新语》', '--place', '读书角（三楼）'], { book: '《之江新语》', place: '读书角（三楼）' }],
    ['book', ['--title', '之江新语（第二版）', '--author', '习近平', '--category', '政治理论', '--finished', '2026-03-01'], { title: '之江新语（第二版）' }],
  ])('log %s: texts byte for byte, numbers typed full-width still read as numbers', async (kind, flags, values) => {
    const item = await json('log', kind, '--member', '张建华', ...(flags as string[]));
    expect(item.values).toMatchObject(values);
    const [listed] = await json('log', 'list', '--kind', kind);
    expect(listed.values).toMatchObject(values);
  });

  it('the human-readable line shows the title as typed too', async () => {
    const r = await ok('log', 'lecture', '--member', '张建华', '--date', '2026-03-12', '--title', TITLE);
    expect(r.stdout).toContain(`课程题目 ${TITLE}`);
    expect(r.stdout).not.toContain('线上党课:党的创新理论(第一讲)');
  });

  it('names are still normalised: a full-width space inside a name finds the person', async () => {
    const item = await json('log', 'lecture', '--member', '张　建华', '--date', '2026-03-12', '--title', TITLE);
    expect(item).toMatchObject({ member: '张建华', values: { title: TITLE } });
  });
});

describe('imports keep every text as typed', () => {
  it('ledger import: titles, speakers, places and topics byte for byte', async () => {
    const file = join(dir, '台账.xlsx');
    await writeXlsx(file, [
      { name: '听课', rows: [['姓名', '日期', '课程题目', '主讲人'], ['张建华', d('2026-03-12'), TITLE, '王教授（省委党校）']] },
      { name: '调研', rows: [['姓名', '开始日期', '结束日期', '地点', '调研主题'], ['张建华', d('2026-03-02'), d('2026-03-04'), '县局、乡镇所（三个）', MARKS]] },
    ]);
    await ok('import', '--kind', 'ledger', file);
    expect(query(dir, 'SELECT title, speaker FROM lectures')).toEqual([{ title: TITLE, speaker: '王教授（省委党校）' }]);
    expect(query(dir, 'SELECT place, topic FROM research')).toEqual([{ place: '县局、乡镇所（三个）', topic: MARKS }]);
    // The same file again: nothing changes (the kept text matches itself).
    const again = await json('import', '--kind', 'ledger', file);
    expect(again.kinds.lecture).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });

  it('ledger import: 学时 typed as a time in a time-formatted cell (1:30) is 1.5 hours, as the cell shows it', async () => {
    const file = join(dir, '自学.xlsx');
    // 0.0625 of a day = 1:30; 1.0416… = 25:00 in an [h]:mm cell.
    await writeXlsx(file, [{ name: '自学', numFmt: { 2: 'yyyy-mm-dd', 3: 'h:mm' }, rows: [['姓名', '日期', '学时', '学习内容'], ['张建华', d('2026-03-02'), 0.0625, '党章'], ['张建华', d('2026-03-03'), 0.5, '党史']] }]);
    await ok('import', '--kind', 'ledger', file);
    expect(query(dir, 'SELECT date, hours FROM self_study ORDER BY date')).toEqual([{ date: '2026-03-02', hours: 1.5 }, { date: '2026-03-03', hours: 12 }]);
  });

  it('ledger import: 学时 in minutes is read as hours to two decimals (20分 → 0.33, 90分钟 → 1.5); a unit of another field or a comma inside the number is refused by cell', async () => {
    const file = join(dir, '自学.xlsx');
    const rows = [['20分', '党章'], ['90分钟', '党史'], ['1小时30分', '条例'], ['1.5h', '简史'], ['2.5 学时', '选集'], ['2小时', '文选'], ['半小时', '准则'],
      ['1,5', 'A'], ['1，5', 'B'], ['3天', 'C']];
    await writeXlsx(file, [{ name: '自学', rows: [['姓名', '日期', '学时', '学习内容'], ...rows.map(([h, c], i) => ['张建华', d(`2026-03-${String(i + 2).padStart(2, '0')}`), h, c])] }]);
    const bad = await run('import', '--kind', 'ledger', file);
    expect(bad.code).toBe(2);
    const lines = bad.stderr.split('\n').map((l) => l.trim());
    expect(lines).toContain('自学.xlsx › 自学 › C9：学时“1,5”中的逗号看不出是小数点还是千位分隔：是小数请写成 1.5，是整数请写成 15');
    expect(lines).toContain('自学.xlsx › 自学 › C10：学时“1，5”中的逗号看不出是小数点还是千位分隔：是小数请写成 1.5，是整数请写成 15');
    expect(lines).toContain('自学.xlsx › 自学 › C11：学时“3天”不是小时数，请填写数字（如 1 或 1.5）；按分钟计的请写明分钟（如 90分钟）');
    expect(bad.stderr).toContain('3 处问题');
    expect(query(dir, 'SELECT * FROM self_study')).toEqual([]);
    await ok('import', '--kind', 'ledger', file, '--skip-invalid');
    expect(query(dir, 'SELECT content, hours FROM self_study ORDER BY date')).toEqual([
      { content: '党章', hours: 0.33 }, { content: '党史', hours: 1.5 }, { content: '条例', hours: 1.5 }, { content: '简史', hours: 1.5 },
      { content: '选集', hours: 2.5 }, { content: '文选', hours: 2 }, { content: '准则', hours: 0.5 },
    ]);
  });

  it('roster: 职务, 党内职务 and unknown columns kept; --dry-run of the same file calls nothing a change', async () => {
    const file = join(dir, '花名册.xlsx');
    await writeXlsx(file, [{
      name: '花名册', rows: [
        ['姓名', '职务', '党内职务', '备注'],
        ['李　四', '办公室主任（兼）', '组织委员（兼）', '调入：2026年（借调）、待转'],
      ],
    }]);
    await ok('import', file);
    const m = await json('member', 'show', '李四');
    expect(m).toMatchObject({ name: '李四', jobTitle: '办公室主任（兼）', partyPost: '组织委员（兼）', extra: { 备注: '调入：2026年（借调）、待转' } });
    const dry = await ok('import', file, '--dry-run');
    expect(dry.stdout).toContain('不变 1 人');
    expect(dry.stdout).not.toMatch(/更新 [1-9]/);
    const dryJson = await json('import', file, '--dry-run');
    expect(dryJson).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
  });

  it('roster: a number its cell format pads with zeros (工号 123 shown as 00123) is kept as the cell shows it (hunt 2026-12-04)', async () => {
    const file = join(dir, '花名册.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['序号', '姓名', '性别', '工号', '邮编', '人数']);
    ws.addRow([1, '钱七', '男', 123, 10086, 5]);
    ws.getCell('D2').numFmt = '00000';
    ws.getCell('E2').numFmt = '000000';
    await wb.xlsx.writeFile(file);
    await ok('import', file);
    const m = await json('member', 'show', '钱七');
    expect(m.extra).toMatchObject({ 工号: '00123', 邮编: '010086', 人数: '5' });
  });

  it('member add and edit: --job and --post as typed', async () => {
    await ok('member', 'add', '--name', '王五', '--job', '办公室主任（兼）', '--post', '宣传委员（兼）');
    expect(await json('member', 'show', '王五')).toMatchObject({ jobTitle: '办公室主任（兼）', partyPost: '宣传委员（兼）' });
    await ok('member', 'edit', '王五', '--job', '副主任：预算（一科）', '--post', '纪检委员（兼）');
    expect(await json('member', 'show', '王五')).toMatchObject({ jobTitle: '副主任：预算（一科）', partyPost: '纪检委员（兼）' });
  });

  it('sign-in sheet: the 备注 (reason) is kept as typed; the status word is still understood', async () => {
    const s = await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', TITLE);
    expect(s.topic).toBe(TITLE);
    await ok('sheet', String(s.id), 's.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 's.xlsx'));
    const ws = wb.getWorksheet('签到表')!;
    ws.eachRow((row) => {
      if (row.getCell(2).value === '张建华') { row.getCell(4).value = '病假'; row.getCell(5).value = '住院：三天（已报备）'; }
    });
    await wb.xlsx.writeFile(join(dir, 's.xlsx'));
    await ok('import', '--kind', 'signin', 's.xlsx');
    const shown = await json('session', 'show', String(s.id));
    expect(shown.attendance[0]).toMatchObject({ name: '张建华', status: 'excused', excuseKind: '病假', reason: '住院：三天（已报备）' });
  });

  it('checkin --excused 姓名:类别:事由 keeps the 事由 as typed, its colons included', async () => {
    const s = await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A');
    await ok('checkin', String(s.id), '--excused', '张建华:公假:出差：省厅（预算会）');
    const shown = await json('session', 'show', String(s.id));
    expect(shown.attendance[0]).toMatchObject({ status: 'excused', excuseKind: '公假', reason: '出差：省厅（预算会）' });
  });

  it('checkin --excused keeps commas, 、, semicolons and spaces inside a 事由; the next name on the roll starts the next person', async () => {
    await ok('member', 'add', '--name', '李四', '--from', '2026-01-01');
    await ok('member', 'add', '--name', '王五', '--from', '2026-01-01');
    const s = await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A');
    await ok('checkin', String(s.id), '--excused', '张建华:公假:去北京，开会、汇报; 两天 （已报备）,李四:病假', '--excused', '王五', '--absent-rest');
    const shown = await json('session', 'show', String(s.id));
    const by = Object.fromEntries(shown.attendance.map((a: { name: string }) => [a.name, a]));
    expect(by['张建华']).toMatchObject({ status: 'excused', excuseKind: '公假', reason: '去北京，开会、汇报; 两天 （已报备）' });
    expect(by['李四']).toMatchObject({ status: 'excused', excuseKind: '病假' });
    expect(by['李四'].reason ?? undefined).toBeUndefined();
    expect(by['王五']).toMatchObject({ status: 'excused' });
  });

  it('checkin --excused: what a 事由 took in after a separator is said, so a name not on the roll is seen', async () => {
    const s = await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A');
    const r = await ok('checkin', String(s.id), '--excused', '张建华:公假:出差,赵无');
    expect(r.stderr).toContain('提示：张建华 的事由记为“出差,赵无”——其中“赵无”不是本次应到的人，算作事由。');
    expect(r.stderr).toContain(`shuxiang checkin ${s.id} --excused 姓名:类别`);
    const shown = await json('session', 'show', String(s.id));
    expect(shown.attendance[0]).toMatchObject({ name: '张建华', reason: '出差,赵无' });
    // A 事由 without separators says nothing more.
    const quiet = await ok('checkin', String(s.id), '--excused', '张建华:公假:出差');
    expect(quiet.stderr).not.toContain('事由记为');
  });

  it('checkin --excused: 姓名:类别 after a 事由 starts the next entry, and a name not on the roll is then refused, nothing written', async () => {
    const s = await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A');
    const r = await run('checkin', String(s.id), '--excused', '张建华:公假:出差,赵无:病假');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('赵无');
    expect(r.stderr).toContain('没有写入任何内容');
    expect((await json('session', 'show', String(s.id))).attendance[0]).toMatchObject({ name: '张建华', status: null, reason: null });
    // A colon inside a 事由 that is not 姓名:类别 stays in the 事由.
    await ok('checkin', String(s.id), '--excused', '张建华:公假:出差,地点:北京');
    expect((await json('session', 'show', String(s.id))).attendance[0]).toMatchObject({ reason: '出差,地点:北京' });
  });

  it('checkin --excused without a 事由 still parts people at every separator', async () => {
    await ok('member', 'add', '--name', '李四', '--from', '2026-01-01');
    const s = await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A');
    await ok('checkin', String(s.id), '--excused', '张建华:病假，李四');
    const shown = await json('session', 'show', String(s.id));
    expect(shown.attendance.map((a: { name: string; excuseKind?: string }) => [a.name, a.excuseKind]).sort()).toEqual([['张建华', '病假'], ['李四', null]].sort());
  });

  it('book catalogue import: title, author and reason kept; CSV too', async () => {
    writeFileSync(join(dir, '书目.csv'), `\ufeff书名,作者,类别,推荐理由\n之江新语（第二版）,习近平（著）,政治理论,"读原著、学原文：悟原理"\n`);
    await ok('books', 'import', '书目.csv');
    expect(query(dir, 'SELECT title, author, recommend_reason AS reason FROM books')).toEqual([{ title: '之江新语（第二版）', author: '习近平（著）', reason: '读原著、学原文：悟原理' }]);
  });

  it('export --json and import --kind json round-trip （）：《》、 byte for byte', async () => {
    await ok('log', 'lecture', '--member', '张建华', '--date', '2026-03-12', '--title', TITLE);
    await ok('log', 'talk', '--member', '张建华', '--kind', '理论宣讲', '--date', '2026-03-10', '--topic', MARKS);
    await ok('export', '--json', 'e.json');
    await ok('--db', 'copy.db', 'import', '--kind', 'json', 'e.json');
    const lectures = JSON.parse((await ok('--db', 'copy.db', '--json', 'log', 'list')).stdout) as { values: Record<string, unknown> }[];
    expect(lectures.map((x) => x.values.title ?? x.values.topic).sort()).toEqual([MARKS, TITLE].sort());
  });
});
