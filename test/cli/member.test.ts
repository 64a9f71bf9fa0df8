// `shuxiang member list|show|add`, in-process against a real SQLite file with frozen time (edit/leave: memberEdit.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { validateIdCard } from '../../src/domain/idcard.js';
import { query } from '../helpers/db.js';
import { memberFixture } from '../helpers/memberCli.js';

const ID = '11010519491231002X'; // valid checksum, a woman born 1949-12-31
const ID_MASKED = '110105********002X';
const PHONE = '13812345678';
const PHONE_MASKED = '138****5678';
const FIELDS = [
  'id', 'name', 'branch', 'gender', 'birthDate', 'ethnicity', 'education', 'joinPartyDate', 'fullMemberDate',
  'category', 'jobTitle', 'partyPost', 'leader', 'leaderFrom', 'leaderTo', 'phone', 'idCard', 'onRollFrom',
  'onRollLeft', 'extra',
];

const f = memberFixture();
const { cli, ok, listJson, batchCount } = f;

describe('member add', () => {
  it('the test ID number is valid', () => {
    expect(validateIdCard(ID).ok).toBe(true);
  });

  it('adds a member from today in the default branch, masked, with gender and birth read from the ID', async () => {
    const r = await ok(['member', 'add', '--name', '张三', '--phone', PHONE, '--id-card', ID]);
    expect(r.stdout).toContain('已添加 张三（编号 #1）');
    expect(r.stdout).toContain(PHONE_MASKED);
    expect(r.stdout).toContain(ID_MASKED);
    expect(r.stdout + r.stderr).not.toContain(PHONE);
    expect(r.stdout + r.stderr).not.toContain(ID);
    const [m] = await listJson();
    expect(m).toMatchObject({
      id: 1, name: '张三', branch: '机关第一党支部', gender: '女', birthDate: '1949-12-31',
      onRollFrom: '2026-11-22', onRollLeft: null, leader: false, phone: PHONE_MASKED, idCard: ID_MASKED,
    });
  });

  it('--json prints the new member with its id', async () => {
    const r = await ok(['--json', 'member', 'add', '--name', '李四', '--from', '2026/3/1', '--category', '预备党员', '--job', '科长']);
    const m = JSON.parse(r.stdout);
    expect(Object.keys(m)).toEqual(FIELDS);
    expect(m).toMatchObject({ id: 1, name: '李四', onRollFrom: '2026-03-01', category: '预备', jobTitle: '科长' });
  });

  it('--post 书记 makes a leader', async () => {
    await ok(['member', 'add', '--name', '王书记', '--post', '书记']);
    await ok(['member', 'add', '--name', '李四']);
    const leaders = await listJson('--leaders');
    expect(leaders.map((m) => m.name)).toEqual(['王书记']);
    expect(leaders[0]).toMatchObject({ leader: true, partyPost: '书记', leaderFrom: null });
    const table = await ok(['member', 'list']);
    expect(table.stdout).toMatch(/王书记.*书记\s+是/);
    expect(table.stderr).toContain('共 2 人，其中班子成员 1 人');
  });

  // Issue 14: a new branch is created only on purpose (--new-branch); a typo is an error (test/cli/branch.test.ts).
  it('a new branch name with --new-branch creates the branch and says so', async () => {
    const r = await ok(['member', 'add', '--name', '赵六', '--branch', '机关第二党支部', '--new-branch']);
    expect(r.stderr).toContain('已新建支部“机关第二党支部”');
    expect((await listJson('--branch', '机关第二党支部')).map((m) => m.name)).toEqual(['赵六']);
  });

  it('records the batch with ID and phone masked', async () => {
    await ok(['member', 'add', '--name', '张三', '--phone', PHONE, '--id-card', ID]);
    const [row] = query<Record<string, unknown>>(f.dir, "SELECT command, args, added FROM batches WHERE command = 'member add'");
    expect(row).toMatchObject({ command: 'member add', added: 1 });
    expect(row.args).toContain(ID_MASKED);
    expect(row.args).not.toContain(PHONE);
  });

  it('a bad ID checksum is refused with exit 2 and nothing written', async () => {
    await ok(['member', 'add', '--name', '张三']);
    const before = batchCount();
    const r = await cli(['member', 'add', '--name', '李四', '--id-card', '110105194912310021']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--id-card');
    expect(r.stderr).toContain('校验位');
    expect(r.stdout).toBe('');
    expect(await listJson()).toHaveLength(1);
    expect(batchCount()).toBe(before);
  });

  it('a duplicate ID names the person who has it', async () => {
    await ok(['member', 'add', '--name', '张三', '--id-card', ID]);
    const r = await cli(['member', 'add', '--name', '李四', '--id-card', ID.toLowerCase()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('张三');
    expect(r.stderr).toContain('#1');
    expect(r.stderr).not.toContain(ID);
    expect(await listJson()).toHaveLength(1);
  });

  it('a bad date names the flag and the form to use', async () => {
    const r = await cli(['member', 'add', '--name', '张三', '--from', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from');
    expect(r.stderr).toContain('2026-03-01 这样');
    const month = await cli(['member', 'add', '--name', '张三', '--from', '2026-03']);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('具体到哪一天');
    expect(await listJson()).toHaveLength(0);
  });

  it('bad phone, gender and category are refused naming the flag', async () => {
    for (const [flag, value] of [['--phone', '12345'], ['--gender', '未知'], ['--category', '党外']] as const) {
      const r = await cli(['member', 'add', '--name', '张三', flag, value]);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toContain(flag);
    }
    expect(await listJson()).toHaveLength(0);
  });

  it('a missing --name is a usage error', async () => {
    const r = await cli(['member', 'add']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--name');
  });

  it('the same name in the same branch is allowed, with a warning', async () => {
    await ok(['member', 'add', '--name', '张三']);
    const r = await ok(['member', 'add', '--name', '张三']);
    expect(r.stderr).toContain('同名');
    expect(await listJson()).toHaveLength(2);
  });
});

describe('member list', () => {
  beforeEach(async () => {
    await ok(['member', 'add', '--name', '张三', '--phone', PHONE, '--id-card', ID, '--from', '2025-01-01', '--gender', '女']);
    await ok(['member', 'add', '--name', '李四', '--from', '2025-01-01', '--category', '正式']);
    await ok(['member', 'leave', '李四', '--date', '2026-03-01']);
  });

  it('shows today’s roll as a Chinese table, phone masked, counts on stderr', async () => {
    const r = await ok(['member', 'list']);
    for (const h of ['编号', '姓名', '性别', '支部', '类别', '党内职务', '班子成员', '联系电话', '在册']) expect(r.stdout).toContain(h);
    expect(r.stdout).toContain('张三');
    expect(r.stdout).toContain(PHONE_MASKED);
    expect(r.stdout).not.toContain(PHONE);
    expect(r.stdout).not.toContain('李四');
    expect(r.stderr).toContain('共 1 人，其中班子成员 0 人');
  });

  it('someone who left 2026-03-01 is listed only with --all', async () => {
    expect((await listJson()).map((m) => m.name)).toEqual(['张三']);
    const all = await ok(['member', 'list', '--all']);
    expect(all.stdout).toMatch(/李四.*2026-03-01 转出/);
    expect(all.stdout).toMatch(/张三.*在册/);
    // Before the day they left, they were still on the roll.
    expect((await listJson()).length).toBe(1);
    const earlier = JSON.parse((await ok(['--json', 'member', 'list'], '2026-02-28')).stdout);
    expect(earlier.map((m: { name: string }) => m.name)).toEqual(['张三', '李四']);
  });

  it('--json uses plain field names and masks; --reveal unmasks', async () => {
    const masked = await ok(['--json', 'member', 'list']);
    expect(masked.stdout).not.toContain(PHONE);
    expect(masked.stdout).not.toContain(ID);
    expect(masked.stderr).toBe('');
    const [m] = JSON.parse(masked.stdout);
    expect(Object.keys(m)).toEqual(FIELDS);
    expect(m).toMatchObject({ phone: PHONE_MASKED, idCard: ID_MASKED, leader: false, extra: {} });
    const [r] = await listJson('--reveal');
    expect(r).toMatchObject({ phone: PHONE, idCard: ID });
    expect((await ok(['member', 'list', '--reveal'])).stdout).toContain(PHONE);
  });

  it('an unknown --branch lists the branches there are', async () => {
    const r = await cli(['member', 'list', '--branch', '不存在支部']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('机关第一党支部');
  });
});

describe('member show', () => {
  beforeEach(async () => {
    await ok(['member', 'add', '--name', '张三', '--phone', PHONE, '--id-card', ID, '--from', '2025-01-01']);
  });

  it('prints every field with Chinese labels, masked unless --reveal', async () => {
    const r = await ok(['member', 'show', '张三']);
    for (const label of ['编号', '姓名', '性别', '出生年月', '所在支部', '联系电话', '身份证号', '在册情况', '班子成员']) {
      expect(r.stdout).toContain(label);
    }
    expect(r.stdout).toContain('自 2025-01-01 起在册');
    expect(r.stdout).toMatch(/班子成员\s+否/);
    expect(r.stdout + r.stderr).not.toContain(PHONE);
    expect(r.stdout + r.stderr).not.toContain(ID);
    const shown = await ok(['member', 'show', '张三', '--reveal']);
    expect(shown.stdout).toContain(PHONE);
    expect(shown.stdout).toContain(ID);
  });

  it('--json gives the same object as list', async () => {
    const one = JSON.parse((await ok(['--json', 'member', 'show', '张三'])).stdout);
    expect([one]).toEqual(await listJson());
  });

  it('finds a unique name by pinyin initials and by #id', async () => {
    await ok(['member', 'add', '--name', '李四']);
    expect((await ok(['member', 'show', 'zs'])).stdout).toContain('张三');
    expect((await ok(['member', 'show', '#2'])).stdout).toContain('李四');
  });

  it('an ambiguous name is exit 2 listing the candidates; --branch narrows', async () => {
    await ok(['member', 'add', '--name', '张三', '--branch', '机关第二党支部', '--new-branch']);
    const r = await cli(['member', 'show', '张三']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 个人');
    expect(r.stderr).toContain('#1');
    expect(r.stderr).toContain('#2');
    expect(r.stderr).toContain('机关第二党支部');
    expect(r.stderr).not.toContain(ID);
    const narrowed = JSON.parse((await ok(['--json', 'member', 'show', '张三', '--branch', '机关第二党支部'])).stdout);
    expect(narrowed.id).toBe(2);
  });

  it('an unknown name is exit 2 with a hint', async () => {
    const r = await cli(['member', 'show', '王五']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有找到');
  });
});

describe('member help', () => {
  it.each(['list', 'show', 'add', 'edit', 'leave'])('member %s --help is Chinese with examples', async (sub) => {
    const r = await cli(['member', sub, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('示例：');
    expect(r.stdout).toContain(`shuxiang member ${sub}`);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });
});
