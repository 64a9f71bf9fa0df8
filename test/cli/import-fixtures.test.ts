// The real-world-shaped rosters in test/fixtures/rosters, each giving the outcome its README states.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { membersIn } from '../helpers/db.js';

const F = join(__dirname, '..', 'fixtures', 'rosters');
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir, '机关第一支部');
});
afterEach(() => cleanup());

describe('roster fixtures', () => {
  it('banner_roster.xlsx: 15 members, 3 leaders, the 合计 row is not a person', async () => {
    const r = await runCli(['import', join(F, 'banner_roster.xlsx')], { cwd: dir });
    expect(r.stderr).not.toMatch(/错误/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('新增 15 人');
    expect(r.stdout).toContain('班子成员 3 人');
    // a column of like warnings is one line, and says "请核对" once
    expect(r.stderr).toContain('7 处（C4、C7、C12、C13、C16、C17、C18）：性别“男”与身份证号（女）不一致 等，请核对\n');
    const ms = membersIn(dir);
    expect(ms).toHaveLength(15);
    expect(ms.filter((m) => m.leader).map((m) => m.partyPost).sort()).toEqual(['书记', '宣传委员', '组织委员'].sort());
    expect(ms.some((m) => m.name.includes('合计'))).toBe(false);
    // 1981.06 and 1991年7月 keep month precision; a date cell keeps the day.
    expect(ms.find((m) => m.name === '韩鹏')!.birthDate).toBe('1981-06');
    expect(ms.find((m) => m.name === '蒋平')!.birthDate).toBe('1991-07');
    expect(ms.find((m) => m.name === '沈平')!.birthDate).toBe('1980-09-12');
    const again = await runCli(['import', join(F, 'banner_roster.xlsx')], { cwd: dir });
    expect(again.stdout).toContain('新增 0 人，已更新 0 人，未变 15 人');
    expect(membersIn(dir)).toHaveLength(15);
  });

  it('libreoffice_roster.xlsx: 30 members in 2 branches, 4 leaders, 1 probationary', async () => {
    const r = await runCli(['import', join(F, 'libreoffice_roster.xlsx'), '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ added: 30, updated: 0, leaders: 4, rejected: 0 });
    expect(s.branches.sort()).toEqual(['机关第一支部', '机关第二支部']);
    const ms = membersIn(dir);
    expect(ms).toHaveLength(30);
    expect(ms.filter((m) => m.category === '预备')).toHaveLength(1);
    expect(new Set(ms.map((m) => m.branch)).size).toBe(2);
    expect(ms.every((m) => m.idCard && /^\d{17}[\dX]$/.test(m.idCard))).toBe(true);
  });

  it('gbk_roster.csv: same people as the LibreOffice file; importing both changes nothing the second time', async () => {
    const csv = await runCli(['import', join(F, 'gbk_roster.csv'), '--json'], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout)).toMatchObject({ added: 30, leaders: 4 });
    const fromCsv = membersIn(dir).map((m) => [m.name, m.branch, m.idCard, m.category, m.leader]);
    const xlsx = await runCli(['import', join(F, 'libreoffice_roster.xlsx'), '--json'], { cwd: dir });
    expect(JSON.parse(xlsx.stdout)).toMatchObject({ added: 0, updated: 0, unchanged: 30 });
    expect(membersIn(dir).map((m) => [m.name, m.branch, m.idCard, m.category, m.leader])).toEqual(fromCsv);
  });

  it('ids_as_numbers.xlsx: refused, naming the ID column and the fix; nothing written', async () => {
    const r = await runCli(['import', join(F, 'ids_as_numbers.xlsx')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ids_as_numbers\.xlsx › plain › I\d+：身份证号被 Excel 存成了数字/);
    expect(r.stderr).toContain('“文本”格式');
    expect(r.stderr).toContain('未导入任何数据');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(membersIn(dir)).toHaveLength(0);
  });

  it('old_format.xls: read natively (issue 15) — the same 30 people as libreoffice_roster.xlsx; importing both changes nothing the second time', async () => {
    const xls = await runCli(['import', join(F, 'old_format.xls'), '--json'], { cwd: dir });
    expect(xls.code, xls.stderr).toBe(0);
    expect(JSON.parse(xls.stdout)).toMatchObject({ added: 30, updated: 0, leaders: 4, rejected: 0 });
    expect(xls.stderr).not.toMatch(/\n\s+at /);
    const fromXls = membersIn(dir).map((m) => [m.name, m.branch, m.idCard, m.category, m.leader, m.birthDate, m.joinPartyDate]);
    const xlsx = await runCli(['import', join(F, 'libreoffice_roster.xlsx'), '--json'], { cwd: dir });
    expect(JSON.parse(xlsx.stdout)).toMatchObject({ added: 0, updated: 0, unchanged: 30 });
    expect(membersIn(dir).map((m) => [m.name, m.branch, m.idCard, m.category, m.leader, m.birthDate, m.joinPartyDate])).toEqual(fromXls);
  });
});

describe('branch from the banner', () => {
  it('a banner naming a known branch puts the people there; an unknown one is said, and the default used', async () => {
    const r1 = await runCli(['import', join(F, 'banner_roster.xlsx')], { cwd: dir });
    expect(r1.stderr).toContain('表格标题写的是“XX委机关第二党支部党员名册”，但数据库里没有“XX委机关第二党支部”');
    expect(new Set(membersIn(dir).map((m) => m.branch))).toEqual(new Set(['机关第一支部']));
  });

  it('a banner naming a branch already in the database puts the people there', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'one.csv'), '姓名,所在支部\n孔明,XX委机关第二党支部\n');
    expect((await runCli(['import', 'one.csv'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['import', join(F, 'banner_roster.xlsx')], { cwd: dir });
    expect(r.stderr).not.toContain('表格标题写的是');
    expect(membersIn(dir).filter((m) => m.branch === 'XX委机关第二党支部')).toHaveLength(16);
  });
});
