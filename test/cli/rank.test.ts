// `shuxiang rank`: a score per member from the year's evidence (real SQLite), the order changing with the
// rule set's weights, ties by attendance rate, the scoring table (.xlsx), and the award list with one
// 荣誉证书 page per awardee (.docx, read back from its XML).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers } from '../helpers/roster.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-12-31' });
const ok = async (...args: string[]) => {
  const r = await run(...args);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
};
const json = async (...args: string[]) => JSON.parse((await ok('--json', ...args)).stdout);
const names = async (...args: string[]) => (await json('rank', '--year', '2026', ...args)).ranked.map((m: { name: string; rank: number; tied: boolean }) => `${m.rank}${m.tied ? '=' : ''} ${m.name}`);

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-01-01' }, { name: '王五', from: '2026-01-01' }, { name: '赵六', from: '2026-01-01', left: '2026-06-01' }]);
  // 张三 reads four books; 李四 writes two long essays; 王五 comes to every session.
  for (const [i, t] of ['之江新语', '乡土中国', '苏东坡传', '红星照耀中国'].entries()) await ok('log', 'book', '--member', '张三', '--title', t, '--category', '其他', '--finished', `2026-0${i + 3}-01`);
  await ok('log', 'writing', '--member', '李四', '--kind', '心得体会', '--title', '心得一', '--date', '2026-04-01', '--chars', '3000');
  await ok('log', 'writing', '--member', '李四', '--kind', '理论文章', '--title', '文章二', '--date', '2026-05-01', '--chars', '2000');
  for (const d of ['2026-02-10', '2026-05-10']) {
    const s = await json('session', 'add', '--type', '集中学习', '--date', d, '--topic', `学习${d}`, '--hours', '2');
    await ok('checkin', String(s.id), '--present', d === '2026-02-10' ? '王五,张三' : '王五,李四', '--absent', d === '2026-02-10' ? '李四' : '张三');
  }
});
afterEach(() => cleanup());

/** A rule set whose ranking asks no minimums, so the ranking alone decides the awardees. */
async function noMinimums(): Promise<void> {
  const preset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'rules', 'learning-org.json'), 'utf8'));
  writeFileSync(join(dir, '不设门槛.json'), JSON.stringify({ ...preset, ranking: { ...preset.ranking, minimums: { noGapIn: 'none', books: 0, writings: 0 } } }));
  await ok('rules', 'use', '不设门槛.json');
}

describe('rank', () => {
  it('awards only those meeting the minimums (by default: no 未达标 member rule, a book and an article), saying why', async () => {
    const r = await json('rank', '--year', '2026', '--top', '2');
    // Nobody here both read a book and wrote an article, and everyone missed the weekly lectures.
    expect(r.awardees).toEqual([]);
    const why = Object.fromEntries(r.leftOut.map((m: { name: string; why: string[] }) => [m.name, m.why.join('，')]));
    expect(why['张三']).toContain('全年没有心得文章');
    expect(why['李四']).toContain('全年没有读完的书');
    expect(why['王五']).toMatch(/“坚持每周听1堂课或专题报告”.*未达标/);
    const text = await ok('rank', '--year', '2026', '--top', '2');
    expect(text.stdout).toContain('没有人达到评选条件，暂不产生表彰名单。');
    expect(text.stdout).toMatch(/未达到评选条件、不列入表彰 3 人：张三（[^）]*全年没有心得文章）/);
    // Minimums in the rule set are checked when it is loaded.
    const preset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'rules', 'learning-org.json'), 'utf8'));
    writeFileSync(join(dir, '坏门槛.json'), JSON.stringify({ ...preset, ranking: { ...preset.ranking, minimums: { books: -1 } } }));
    const e = await run('rules', 'use', '坏门槛.json');
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('minimums.books 的取值“-1”无效');
  });

  it('run after the year is over, every period of it has ended: a yearly gap leaves someone out (not "open" as of 12-31)', async () => {
    // Only P5-yearly; 张三 trained and sat the exam, 李四 did neither. Both read a book and wrote an essay.
    const preset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'rules', 'learning-org.json'), 'utf8'));
    writeFileSync(join(dir, 'p5.json'), JSON.stringify({ ...preset, rules: preset.rules.filter((r: { id: string }) => r.id === 'P5-yearly') }));
    await ok('rules', 'use', 'p5.json');
    await ok('log', 'book', '--member', '李四', '--title', '乡土中国', '--category', '其他', '--finished', '2026-06-01');
    await ok('log', 'writing', '--member', '张三', '--kind', '心得体会', '--title', '心得', '--date', '2026-06-01', '--chars', '2000');
    await ok('log', 'training', '--member', '张三', '--name', '培训', '--from', '2026-03-10', '--to', '2026-03-11');
    await ok('log', 'exam', '--member', '张三', '--name', '考试', '--date', '2026-11-10', '--score', '90');
    const after = JSON.parse((await runCli(['--json', 'rank', '--year', '2026'], { cwd: dir, now: '2027-01-10' })).stdout);
    expect(after.awardees.map((m: { name: string }) => m.name)).toEqual(['张三']);
    expect(after.leftOut.find((m: { name: string }) => m.name === '李四').why.join('')).toContain('未达标');
  });

  it('scores each component from the year evidence and names the top', async () => {
    await noMinimums();
    const r = await json('rank', '--year', '2026', '--top', '2');
    expect(r.ranked.map((m: { name: string }) => m.name)).toEqual(['张三', '李四', '王五']);
    const z = r.ranked[0];
    const c = Object.fromEntries(z.components.map((x: { key: string; value: number; points: number }) => [x.key, [x.value, x.points]]));
    expect(c).toMatchObject({ books: [4, 40], writings: [0, 0], attendanceRate: [0.5, 15] });
    expect(z.score).toBe(55);
    const li = Object.fromEntries(r.ranked[1].components.map((x: { key: string; value: number; points: number }) => [x.key, [x.value, x.points]]));
    expect(li).toMatchObject({ writings: [2, 20], writingChars: [5, 10], attendanceRate: [0.5, 15] });
    expect(r.awardees.map((m: { name: string }) => m.name)).toEqual(['张三', '李四']);
    expect(r.awardees[0].reason).toBe('读书4本、心得文章0篇，参加率50%');
    // 赵六 left in June and is not ranked.
    expect(r.ranked.some((m: { name: string }) => m.name === '赵六')).toBe(false);
    const text = await ok('rank', '--year', '2026', '--top', '2');
    expect(text.stdout).toMatch(/1 +张三 +4→40/);
    expect(text.stdout).toContain('拟表彰“书香之星”2 人：张三、李四。');
  });

  it('weights and caps in the rule set change the order; ties go to attendance', async () => {
    const preset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'rules', 'learning-org.json'), 'utf8'));
    const use = async (ranking: object) => {
      writeFileSync(join(dir, '本局规则.json'), JSON.stringify({ ...preset, ranking }));
      await ok('rules', 'use', '本局规则.json');
    };
    const w = { books: 10, writings: 10, writingChars: 0, attendanceRate: 0, studyHours: 0, talks: 0, researchDays: 0, assessmentScore: 0 };
    await use({ weights: { ...w, attendanceRate: 100 } });
    // 王五 100 (every session); 张三 40 + 50; 李四 20 + 50.
    expect(await names()).toEqual(['1 王五', '2 张三', '3 李四']);
    await use({ weights: w, caps: { books: 1 } });
    // 张三's four books count as one: 10 points, below 李四's 20; 王五 has none.
    expect(await names()).toEqual(['1 李四', '2 张三', '3 王五']);
    await use({ weights: { ...w, books: 20, writings: 40 } });
    // 80 each and both at 50 %: they share first place.
    expect(await names()).toEqual(['1= 李四', '1= 张三', '3 王五']);
    await use({ weights: { ...w, books: 0, writings: 0 } });
    // Everyone at 0: the attendance rate decides.
    expect(await names()).toEqual(['1 王五', '2= 李四', '2= 张三']);
    const bad = JSON.parse(readFileSync(join(dir, '本局规则.json'), 'utf8'));
    writeFileSync(join(dir, '坏规则.json'), JSON.stringify({ ...bad, ranking: { weights: { ...w, books: -1 } } }));
    const e = await run('rules', 'use', '坏规则.json');
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('ranking：weights.books 的取值“-1”无效');
  });

  it('writes the scoring table and the award list with one certificate page per awardee', async () => {
    await noMinimums();
    const r = await ok('rank', '--year', '2026', '--top', '2', '--xlsx', '--docx', '--date', '2027-01-10');
    expect(r.stderr).toContain('表彰名单和荣誉证书（2 张）');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '2026年度书香之星评比.xlsx'));
    const ws = wb.getWorksheet('评比计分')!;
    expect(ws.getCell('B3').value).toBe('张三');
    expect(ws.getCell('D2').value).toBe('读书(本)');
    expect(ws.getCell('E2').value).toBe('读书分');
    expect(wb.getWorksheet('计分办法')!.getRow(3).values).toEqual([undefined, '读书', '本', 10, 12]);
    expect(ws.getCell('E3').value).toBe(40);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, '2026年度书香之星评比.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/荣 誉 证 书/g)).toHaveLength(2);
    expect(xml).toContain('关于表彰2026年度“书香之星”的决定');
    expect(xml).toContain('二〇二七年一月十日');
    expect(xml).toContain('评选理由');
    expect(xml).toContain('读书4本、心得文章0篇，参加率50%');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml.match(/w:orient="landscape"/g)).toHaveLength(2);
    const bad = await run('rank', '--year', '2027');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2027 年还没有开始');
    expect((await run('rank', '--top', '0')).stderr).toContain('--top 的取值“0”无效');
  });

  // The 表彰决定 says only what the rule set really sets: the components it scores (a weight above 0) and
  // the minimums it asks — not 在读书和撰写心得文章均有成果的同志中 when books and writings are 0.
  it.each([
    [{ noGapIn: 'none', books: 0, writings: 0 }, [], '根据年度读书、撰写心得文章、参加集中学习、宣讲和学习测试等情况综合计分，按得分高低择优评选，决定授予以下2名同志'],
    [{ noGapIn: ['L3-days'], books: 2, writings: 0 }, ['“带头调研·一线调研天数”全年达标', '读书不少于2本'], '在“带头调研·一线调研天数”全年达标、读书不少于2本的同志中择优评选，决定授予以下1名同志'],
    [undefined, ['各项学习要求全年达标', '读书和撰写心得文章均有成果'], undefined],
  ])('minimums %j: the decision states those conditions only', async (minimums, conditions, sentence) => {
    const preset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'rules', 'learning-org.json'), 'utf8'));
    const { minimums: _default, ...ranking } = preset.ranking;
    writeFileSync(join(dir, '门槛.json'), JSON.stringify({ ...preset, ranking: { ...ranking, weights: { ...ranking.weights, studyHours: 0, researchDays: 0 }, ...(minimums ? { minimums } : {}) } }));
    await ok('rules', 'use', '门槛.json');
    const r = await json('rank', '--year', '2026', '--top', '2');
    expect(r.conditions).toEqual(conditions);
    if (!sentence) return expect(r.awardees).toEqual([]);
    await ok('rank', '--year', '2026', '--top', '2', '--docx', 'r.docx');
    const text = (await (await JSZip.loadAsync(readFileSync(join(dir, 'r.docx')))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(sentence);
    expect(text).not.toContain(conditions.length ? '按得分高低' : '的同志中择优评选');
    if (Array.isArray(minimums?.noGapIn)) expect(text).toContain('读书4本、心得文章0篇，参加率50%，“带头调研·一线调研天数”均已达标');
    else expect(text).not.toContain('均已达标');
  });
});
