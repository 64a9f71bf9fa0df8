// `shuxiang log <kind>|list|remove`: every kind by flags (with the --json item and its id), member
// matching, character counting from .txt and .docx, scripts missing a flag, listing and removing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';
import { KEY, runTty } from '../helpers/tty.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-03-15' });
const json = async (...args: string[]) => {
  const r = await run('--json', ...args);
  expect(r.stderr, r.stderr).not.toMatch(/错误/);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }, { name: '李四' }, { name: '王小明' }, { name: '王晓敏' }, { name: '赵六', left: '2026-02-01' }]);
});
afterEach(() => cleanup());

describe('log <kind> by flags', () => {
  it.each([
    ['self-study', ['--hours', '1.5', '--notes', '--content', '第四卷'], { date: '2026-03-15', hours: 1.5, content: '第四卷', notes: true }],
    ['lecture', ['--date', '2026-03-12', '--title', '数字财政', '--speaker', '王教授'], { date: '2026-03-12', title: '数字财政', speaker: '王教授', notes: false }],
    ['book', ['--title', '之江新语', '--author', '习近平', '--category', '政治理论', '--finished', '2026-03-01'], { title: '之江新语', author: '习近平', category: '政治理论', finished: '2026-03-01', started: null }],
    ['writing', ['--kind', '心得体会', '--title', '读书有感', '--chars', '1800'], { kind: '心得体会', title: '读书有感', chars: 1800, date: '2026-03-15' }],
    ['research', ['--from', '2026-03-02', '--to', '2026-03-04', '--place', '县局'], { from: '2026-03-02', to: '2026-03-04', days: 3, place: '县局' }],
    ['talk', ['--kind', '理论宣讲', '--date', '2026-03-10', '--topic', '全会精神', '--audience', '40'], { kind: '理论宣讲', topic: '全会精神', audience: 40 }],
    ['training', ['--name', '业务培训', '--from', '2026-03-01', '--to', '2026-03-05', '--hours', '32'], { name: '业务培训', from: '2026-03-01', to: '2026-03-05', hours: 32 }],
    ['exam', ['--name', '理论考试', '--date', '2026-03-11', '--score', '92', '--passed'], { name: '理论考试', score: 92, passed: true }],
    ['exchange', ['--date', '2026-03-13', '--book', '之江新语'], { date: '2026-03-13', book: '之江新语', place: null }],
  ])('log %s stores the item and prints it with its id', async (kind, flags, values) => {
    const item = await json('log', kind, '--member', '张三', ...(flags as string[]));
    expect(item).toMatchObject({ kind, id: 1, ref: `${kind}:1`, memberId: 1, member: '张三', outcome: 'added', values });
    const again = await json('log', kind, '--member', '张三', ...(flags as string[]));
    expect(again).toMatchObject({ id: 1, outcome: 'unchanged' });
    const listed = await json('log', 'list', '--kind', kind);
    expect(listed).toHaveLength(1);
  });

  it('re-logging the same day and content with other hours updates that item', async () => {
    await run('log', 'self-study', '--member', '张三', '--hours', '1', '--content', 'A');
    const r = await json('log', 'self-study', '--member', '张三', '--hours', '2', '--content', 'A');
    expect(r).toMatchObject({ id: 1, outcome: 'updated', values: { hours: 2 } });
  });

  it('research --date is a one-day trip; book --date means finished', async () => {
    expect(await json('log', 'research', '--member', '张三', '--date', '2026-03-09')).toMatchObject({ values: { from: '2026-03-09', to: '2026-03-09', days: 1 } });
    expect(await json('log', 'book', '--member', '张三', '--title', 'X', '--category', '业务', '--date', '2026-03-09')).toMatchObject({ date: '2026-03-09' });
  });

  it('checks values and names the flag: hours, dates, categories, a backwards range', async () => {
    const cases: [string[], string][] = [
      [['self-study', '--hours', '0'], '--hours：学时“0”超出范围：须大于 0 且不超过 24'],
      [['self-study', '--hours', '25'], '--hours：学时“25”超出范围'],
      [['self-study', '--hours', '1', '--date', '2026-02-30'], '--date：日期“2026-02-30”不是有效日期'],
      [['book', '--title', 'X', '--category', '哲学'], '--category：类别“哲学”无效，请从下拉列表中选择：政治理论、业务、科学人文、党史、其他'],
      [['research', '--from', '2026-03-05', '--to', '2026-03-01'], '--to：结束日期 2026-03-01 早于开始日期 2026-03-05'],
      [['writing', '--kind', '诗歌', '--title', 'T', '--chars', '10'], '--kind：类型“诗歌”无效'],
    ];
    for (const [args, text] of cases) {
      const r = await run('log', args[0]!, '--member', '张三', ...args.slice(1));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(text);
    }
    expect(query(dir, 'SELECT * FROM self_study')).toHaveLength(0);
  });

  it('without a terminal, a missing required flag is an error naming it', async () => {
    const r = await run('log', 'self-study', '--member', '张三');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少 --hours <小时>');
    const m = await run('log', 'exam', '--name', '考试', '--score', '90');
    expect(m.stderr).toContain('缺少 --member <姓名>');
  });

  it('warns (not fails) when the member was not on the roll that day', async () => {
    const r = await run('log', 'self-study', '--member', '赵六', '--hours', '1', '--date', '2026-03-01');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('赵六 在 2026-03-01 不在册');
  });
});

describe('on a terminal', () => {
  it('asks what is missing: member by initials, today and 1 小时 offered', async () => {
    const t = runTty(['log', 'self-study'], { cwd: dir });
    await t.step('姓名', ['zs', KEY.enter]);
    await t.step('日期', KEY.enter);
    await t.step('学时', KEY.enter);
    await t.step('学习内容', [...'党章', KEY.enter]);
    await t.step('做了学习笔记', ['y', KEY.enter]);
    const r = await t.done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已登记张三的自学（编号 self-study:1）：日期 2026-03-10，学时 1，学习内容 党章，笔记 是');
  });
});

describe('on a terminal, a day after today (hunt 2026-12-04)', () => {
  it('is asked again at its question, not refused once every question is answered', async () => {
    const t = runTty(['log', 'self-study'], { cwd: dir });
    await t.step('姓名', ['zs', KEY.enter]);
    await t.step('日期', [...'2026-06-01', KEY.enter]);
    // Asked again: the answer cleared and typed anew.
    await t.step('在今天（2026-03-10）之后', [...Array(10).fill('\x7f'), ...'2026-03-09', KEY.enter]);
    await t.step('学时', KEY.enter);
    await t.step('学习内容', [...'党章', KEY.enter]);
    await t.step('做了学习笔记', ['y', KEY.enter]);
    const r = await t.done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('日期 2026-03-09');
  });
});

describe('member matching', () => {
  it('exact name, pinyin initials, #id', async () => {
    expect((await json('log', 'self-study', '--member', '李四', '--hours', '1')).member).toBe('李四');
    expect((await json('log', 'self-study', '--member', 'zs', '--hours', '1')).member).toBe('张三');
    expect((await json('log', 'self-study', '--member', '#2', '--hours', '2')).member).toBe('李四');
  });

  it('ambiguous initials → error listing the candidates', async () => {
    const r = await run('log', 'self-study', '--member', 'wxm', '--hours', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--member“wxm”对应了 2 个人');
    expect(r.stderr).toContain('王小明');
    expect(r.stderr).toContain('王晓敏');
    const none = await run('log', 'self-study', '--member', '钱七', '--hours', '1');
    expect(none.stderr).toContain('--member“钱七”没有找到对应的人员');
  });
});

describe('log writing --file counts characters', () => {
  it('a UTF-8 .txt and a GBK .txt: CJK, letters and digits, not punctuation or spaces', async () => {
    writeFileSync(join(dir, '心得.txt'), '学习二十大，AI 与 2026！\n第二段。');
    const r = await json('log', 'writing', '--member', '张三', '--kind', '心得体会', '--file', '心得.txt');
    expect(r.values).toMatchObject({ title: '心得', chars: 15 });
    const gbk = Buffer.from([0xd1, 0xa7, 0xcf, 0xb0, 0xa3, 0xac, 0x31, 0x32]); // 学习，12
    writeFileSync(join(dir, 'gbk.txt'), gbk);
    expect((await json('log', 'writing', '--member', '张三', '--kind', '理论文章', '--file', 'gbk.txt')).values.chars).toBe(4);
  });

  it('a .docx built with the docx package', async () => {
    const { Document, Packer, Paragraph, TextRun } = await import('docx');
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('读《之江新语》有感')] }), new Paragraph('一、学习体会：A&B 2026')] }] });
    writeFileSync(join(dir, '文章.docx'), await Packer.toBuffer(doc));
    const r = await run('--json', 'log', 'writing', '--member', '张三', '--kind', '心得体会', '--file', '文章.docx', '--title', '读之江新语');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).values).toMatchObject({ title: '读之江新语', chars: 7 + 11 });
    expect(r.stderr).toContain('文章.docx：共 18 字');
  });
});

describe('log list and remove', () => {
  it('lists by member, kind and period with ids; removes by kind:id', async () => {
    await run('log', 'self-study', '--member', '张三', '--hours', '1', '--date', '2026-02-10');
    await run('log', 'self-study', '--member', '张三', '--hours', '2', '--date', '2026-03-10');
    await run('log', 'self-study', '--member', '李四', '--hours', '1', '--date', '2026-03-10');
    await run('log', 'research', '--member', '张三', '--from', '2026-02-27', '--to', '2026-03-02');
    const march = await json('log', 'list', '--member', 'zs', '--period', '2026-03');
    expect(march.map((i: { ref: string }) => i.ref)).toEqual(['self-study:2', 'research:1']);
    const q1 = await json('log', 'list', '--period', '2026-Q1', '--kind', '自学');
    expect(q1).toHaveLength(3);
    const table = await run('log', 'list', '--member', '张三');
    expect(table.stdout).toContain('self-study:1');
    expect(table.stderr).toContain('共 3 条（自学 2，调研 1）');
    const bad = await run('log', 'remove', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('没有写类别');
    expect((await run('log', 'remove', '自学:2')).stdout).toContain('已删除 张三 的自学（self-study:2）');
    expect((await run('log', 'remove', '1', '--kind', 'research')).code).toBe(0);
    expect(await json('log', 'list', '--member', '张三')).toHaveLength(1);
    expect((await run('log', 'remove', 'self-study:99')).stderr).toContain('没有编号为 self-study:99 的自学记录');
  });
});
