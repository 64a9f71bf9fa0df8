// `shuxiang member edit|leave`, in-process against a real SQLite file with frozen time (split from member.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { memberFixture } from '../helpers/memberCli.js';

const ID = '11010519491231002X'; // valid checksum, a woman born 1949-12-31
const PHONE = '13812345678';
const PHONE_MASKED = '138****5678';

const f = memberFixture();
const { cli, ok, listJson, batchCount } = f;

describe('member edit', () => {
  beforeEach(async () => {
    await ok(['member', 'add', '--name', '张三', '--from', '2025-01-01']);
  });

  it('--leader --from starts the post on that day, shown by show', async () => {
    const r = await ok(['member', 'edit', '张三', '--leader', '--from', '2026-07-01']);
    expect(r.stdout).toContain('班子成员：否 → 是');
    expect(r.stdout).toContain('任职开始：（空） → 2026-07-01');
    const show = await ok(['member', 'show', '张三']);
    expect(show.stdout).toMatch(/班子成员\s+是，自 2026-07-01 起/);
    const m = JSON.parse((await ok(['--json', 'member', 'show', '张三'])).stdout);
    expect(m).toMatchObject({ leader: true, leaderFrom: '2026-07-01', leaderTo: null, onRollFrom: '2025-01-01' });
    // Before the post began they were not a leader.
    expect(JSON.parse((await ok(['--json', 'member', 'list', '--leaders'], '2026-06-30')).stdout)).toEqual([]);
    expect(JSON.parse((await ok(['--json', 'member', 'list', '--leaders'])).stdout)).toHaveLength(1);
  });

  it('--no-leader --from ends the post on that day', async () => {
    await ok(['member', 'edit', '张三', '--post', '组织委员', '--from', '2026-01-01']);
    await ok(['member', 'edit', '张三', '--no-leader', '--from', '2026-10-01']);
    const m = JSON.parse((await ok(['--json', 'member', 'show', '张三'])).stdout);
    expect(m).toMatchObject({ leader: true, partyPost: '组织委员', leaderFrom: '2026-01-01', leaderTo: '2026-10-01' });
    expect((await ok(['member', 'show', '张三'])).stdout).toContain('曾任（组织委员），2026-01-01 至 2026-09-30');
    expect(await listJson('--leaders')).toEqual([]);
  });

  it('--from alone changes the on-roll start', async () => {
    const r = await ok(['member', 'edit', '张三', '--from', '2025-06-01']);
    expect(r.stdout).toContain('转入日期：2025-01-01 → 2025-06-01');
    expect((await listJson())[0]).toMatchObject({ onRollFrom: '2025-06-01', leader: false });
  });

  it('prints each change, masking the phone', async () => {
    const r = await ok(['member', 'edit', '张三', '--phone', PHONE, '--name', '张叁', '--gender', '男']);
    expect(r.stdout).toContain(`联系电话：（空） → ${PHONE_MASKED}`);
    expect(r.stdout).toContain('姓名：张三 → 张叁');
    expect(r.stdout).toContain('性别：（空） → 男');
    expect(r.stdout).not.toContain(PHONE);
    expect((await listJson('--reveal'))[0]).toMatchObject({ name: '张叁', phone: PHONE, gender: '男' });
  });

  it('nothing changed says so, exits 0 and records no batch', async () => {
    await ok(['member', 'edit', '张三', '--gender', '男']);
    const before = batchCount();
    const r = await ok(['member', 'edit', '张三', '--gender', '男', '--from', '2025-01-01']);
    expect(r.stdout).toContain('没有需要修改的内容');
    expect(batchCount()).toBe(before);
  });

  it('--no-leader on the day the post began means it was never held', async () => {
    await ok(['member', 'edit', '张三', '--leader', '--from', '2026-11-22']);
    await ok(['member', 'edit', '张三', '--no-leader']);
    expect((await listJson())[0]).toMatchObject({ leader: false, leaderFrom: null, leaderTo: null });
  });

  it('a committee --post does not reopen a post that has ended', async () => {
    await ok(['member', 'edit', '张三', '--post', '委员', '--from', '2026-01-01']);
    await ok(['member', 'edit', '张三', '--no-leader', '--from', '2026-06-01']);
    await ok(['member', 'edit', '张三', '--post', '宣传委员']);
    expect((await listJson())[0]).toMatchObject({ leader: true, partyPost: '宣传委员', leaderTo: '2026-06-01' });
  });

  it('an ID card already held by someone else is refused', async () => {
    await ok(['member', 'add', '--name', '李四', '--id-card', ID]);
    const r = await cli(['member', 'edit', '张三', '--id-card', ID]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('李四');
  });

  it('--move-to moves the member to another branch', async () => {
    // Issue 14: moving to a branch that does not exist yet needs --new-branch.
    const r = await ok(['member', 'edit', '张三', '--move-to', '机关第二党支部', '--new-branch']);
    expect(r.stdout).toContain('所在支部：机关第一党支部 → 机关第二党支部');
    expect((await listJson())[0]).toMatchObject({ branch: '机关第二党支部' });
  });

  it('a bad date and a bad ID are refused without writing', async () => {
    const before = batchCount();
    const d = await cli(['member', 'edit', '张三', '--leader', '--from', '2026-13-01']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--from');
    const id = await cli(['member', 'edit', '张三', '--id-card', '110105194912310021']);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('--id-card');
    expect(batchCount()).toBe(before);
    expect((await listJson())[0]).toMatchObject({ leader: false, idCard: null });
  });
});

describe('member leave', () => {
  it('sets the first day off the roll and ends an open leader post', async () => {
    await ok(['member', 'add', '--name', '张三', '--post', '书记', '--from', '2025-01-01']);
    const r = await ok(['member', 'leave', 'zs', '--date', '2026-03-01']);
    expect(r.stdout).toContain('自 2026-03-01 起转出，最后在册日为 2026-02-28');
    const [m] = await listJson('--all');
    expect(m).toMatchObject({ onRollLeft: '2026-03-01', leaderTo: '2026-03-01', leader: true });
    expect((await ok(['member', 'show', '张三'])).stdout).toContain('2025-01-01 至 2026-02-28 在册，2026-03-01 转出');
  });

  it('refuses a date not after the start, and a second leave', async () => {
    await ok(['member', 'add', '--name', '张三', '--from', '2026-03-01']);
    const early = await cli(['member', 'leave', '张三', '--date', '2026-03-01']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('必须晚于');
    await ok(['member', 'leave', '张三', '--date', '2026-04-01']);
    const again = await cli(['member', 'leave', '张三', '--date', '2026-05-01']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已于 2026-04-01 转出');
  });

  it('a bad or missing --date is exit 2 naming the flag', async () => {
    await ok(['member', 'add', '--name', '张三', '--from', '2026-03-01']);
    const bad = await cli(['member', 'leave', '张三', '--date', '明天']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--date');
    const missing = await cli(['member', 'leave', '张三']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--date');
  });
});
