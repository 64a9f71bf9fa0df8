// "Export to Excel" in many office systems writes an HTML table (or an Excel 2003 XML workbook) and
// names it .xls. Such a file is read like the .xlsx it stands for — UTF-8 or GBK — never refused as
// "not a spreadsheet". The oracle is the hand-written markup itself.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';

let root: string;
let cleanup: () => void;
beforeAll(() => ({ dir: root, cleanup } = tempDir('shuxiang-markup-')));
afterAll(() => cleanup());

let n = 0;
async function freshDb(): Promise<string> {
  const dir = join(root, `db${++n}`);
  mkdirSync(dir);
  await initDb(dir, '机关第一支部');
  return dir;
}

const HTML = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=%CHARSET%"></head><body><table border="1">
<tr><td colspan="5">机关第一支部党员花名册</td></tr>
<tr><td>序号</td><td>姓名</td><td>性别</td><td>入党时间</td><td>人员类别</td></tr>
<tr><td>1</td><td>张三</td><td>男</td><td>2001-07-01</td><td>正式党员</td></tr>
<tr><td>2</td><td>古丽娜尔·艾买提</td><td>女</td><td>2010/3/1</td><td>预备党员</td></tr>
</table></body></html>`;

const XML2003 = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="花名册"><Table>
  <Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell><Data ss:Type="String">性别</Data></Cell><Cell><Data ss:Type="String">入党时间</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">张三</Data></Cell><Cell><Data ss:Type="String">男</Data></Cell><Cell><Data ss:Type="String">2001-07-01</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">古丽娜尔·艾买提</Data></Cell><Cell><Data ss:Type="String">女</Data></Cell><Cell><Data ss:Type="String">2010-03-01</Data></Cell></Row>
 </Table></Worksheet></Workbook>`;

async function importedNames(file: string): Promise<unknown> {
  const dir = await freshDb();
  const r = await runCli(['import', file], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const list = await runCli(['member', 'list', '--json'], { cwd: dir });
  expect(list.code, list.stderr).toBe(0);
  const members = JSON.parse(list.stdout) as { name: string }[] | { members: { name: string }[] };
  return (Array.isArray(members) ? members : members.members).map((m) => m.name).sort();
}

describe('markup saved as .xls', () => {
  it('an HTML table in UTF-8 and in GBK, and an Excel 2003 XML workbook, import as their rows', async () => {
    const utf8 = join(root, 'utf8.xls');
    writeFileSync(utf8, HTML.replace('%CHARSET%', 'utf-8'));
    const gbkFile = join(root, 'gbk.xls');
    writeFileSync(gbkFile, gbk(HTML.replace('%CHARSET%', 'gb2312')));
    const xml = join(root, 'xml2003.xls');
    writeFileSync(xml, XML2003);
    const want = ['古丽娜尔·艾买提', '张三'].sort();
    expect(await importedNames(utf8)).toEqual(want);
    expect(await importedNames(gbkFile)).toEqual(want);
    expect(await importedNames(xml)).toEqual(want);
  }, 60000);

  it('an HTML table exported by another system keeps its cells as text: an ID number, 工号 00123, a landline 010… (hunt 2026-12-04)', async () => {
    const f = join(root, 'export.xls');
    writeFileSync(f, `<html><head><meta charset="utf-8"></head><body><table>
<tr><td>序号</td><td>姓名</td><td>工号</td><td>联系电话</td><td>身份证号</td><td>入党时间</td></tr>
<tr><td>1</td><td>欧阳娜娜</td><td>00123</td><td>01066668888</td><td>110105199001012008</td><td>2010/7/1</td></tr>
</table></body></html>`);
    const dir = await freshDb();
    const r = await runCli(['import', f], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const show = JSON.parse((await runCli(['--json', 'member', 'show', '欧阳娜娜', '--reveal'], { cwd: dir })).stdout);
    expect(JSON.stringify(show)).toContain('"phone":"01066668888"');
    expect(JSON.stringify(show)).toContain('"工号":"00123"');
    expect(JSON.stringify(show)).toContain('110105199001012008');
    expect(JSON.stringify(show)).toContain('2010-07-01');
  });

  it('a plain text file named .xls is still refused in Chinese', async () => {
    const f = join(root, 'note.xls');
    writeFileSync(f, '这不是表格\n');
    const dir = await freshDb();
    const r = await runCli(['import', f], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是 Excel\/WPS 表格文件/);
  });
});

/** GBK bytes (Node's TextDecoder reads gb18030 but cannot write it): the system's iconv writes them. */
function gbk(s: string): Buffer {
  return execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: s });
}
