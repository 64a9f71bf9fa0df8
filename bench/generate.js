// Deterministic generators for benchmark data (rosters as .xlsx with Chinese content, IDs as text).
import ExcelJS from 'exceljs';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文海波辉鹏飞燕春梅琳晨宇';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function idCard(area, birth, seq) {
  const body = `${area}${birth}${String(seq).padStart(3, '0')}`;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * WEIGHTS[i];
  return body + '10X98765432'[s % 11];
}

/** A seeded PRNG (mulberry32) so every run generates the same data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a roster of `n` people across `branches` branches. */
export async function writeRoster(file, n, branches = 70) {
  const r = rng(n);
  // The streaming writer: a 100,000-row workbook built in memory first would take minutes and gigabytes.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['XX市机关党委党员花名册']);
  ws.mergeCells('A1:L1');
  ws.addRow(['序号', '姓名', '性别', '出生年月', '民族', '学历', '入党时间', '人员类别', '党内职务', '所在支部', '联系电话', '身份证号']);
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    // Names are unique while the name space lasts (~68,000); past that, namesakes (an organ of 100,000
    // has them — the ID number tells them apart).
    let name;
    let tries = 0;
    do {
      name = SURNAMES[Math.floor(r() * SURNAMES.length)] + GIVEN[Math.floor(r() * GIVEN.length)] + (r() < 0.7 ? GIVEN[Math.floor(r() * GIVEN.length)] : '');
    } while (seen.has(name) && ++tries < 50);
    seen.add(name);
    const y = 1965 + Math.floor(r() * 35), m = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28);
    const male = r() < 0.55;
    const birth = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
    const seq = Math.floor(r() * 499) * 2 + (male ? 1 : 2);
    const area = String(110101 + (i % 9000) * 7).slice(0, 6);
    const post = i % 40 === 0 ? '书记' : i % 40 === 1 ? '组织委员' : '';
    ws.addRow([i + 1, name, male ? '男' : '女', new Date(Date.UTC(y, m - 1, d)), '汉族', '大学本科',
      new Date(Date.UTC(y + 25, 6, 1)), '正式党员', post, `第${1 + (i % branches)}党支部`,
      `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}`, idCard(area, birth, seq)]);
    ws.lastRow.getCell(12).numFmt = '@';
    ws.lastRow.commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * A folder of `n` personal study ledgers (one workbook per member, owner in the title) with a year of
 * daily self-study each, plus `roster.xlsx` naming those members. Returns the ledger folder.
 */
export async function writeLedgerFolder(dir, n = 30, year = 2026) {
  const { mkdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const r = rng(n * 7 + year);
  const names = Array.from({ length: n }, (_, i) => SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13 + 5) % GIVEN.length]);
  const roster = new ExcelJS.Workbook();
  const rs = roster.addWorksheet('花名册');
  rs.addRow(['姓名', '所在支部']);
  for (const name of names) rs.addRow([name, '第1党支部']);
  await roster.xlsx.writeFile(join(dir, 'ledger-roster.xlsx'));
  const folder = join(dir, `ledgers-${n}`);
  mkdirSync(folder, { recursive: true });
  const contents = ['《习近平谈治国理政》第四卷', '党章', '《中国共产党简史》', '业务法规汇编', '《之江新语》'];
  for (const name of names) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自学');
    ws.addRow([`个人学习台账（${name}）· 自学`]);
    ws.addRow(['姓名', name]);
    ws.addRow(['序号', '日期', '学时', '学习内容', '笔记']);
    for (let d = 0; d < 365; d++) {
      const day = new Date(Date.UTC(year, 0, 1 + d));
      ws.addRow([d + 1, day, [0.5, 1, 1, 1.5, 2][Math.floor(r() * 5)], contents[Math.floor(r() * contents.length)], r() < 0.8 ? '是' : '否']);
    }
    ws.getColumn(2).numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(join(folder, `${name}.xlsx`));
  }
  return folder;
}
