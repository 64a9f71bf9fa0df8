// `report --docx / --md / --template`: the Word summary unzipped and read as XML (GB/T 9704 page, fonts,
// sizes, line spacing, page-number field, repeating table headers, headings and the people with gaps),
// the Markdown twin, and the user's own templates (.docx with placeholders split over runs, and .md).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillXml } from '../../src/render/word/docxTemplate.js';
import type { PeriodReport } from '../../src/reports/periodReportTypes.js';
import { useDemo } from '../helpers/demo.js';
import { docxParts, runText } from '../helpers/docx.js';

const NOW = '2026-12-31';
const demo = useDemo(NOW);
const run = demo.run;
/** The demo's working folder. */
const t = { get dir() { return demo.dir(); } };

const parts = docxParts;
const text = runText;

describe('report --docx', () => {
  let x: Record<string, string>;
  let rep: PeriodReport;
  beforeAll(async () => {
    const r = await run(['report', '--year', '2026', '--docx', '总结.docx', '--md']);
    expect(r.code).toBe(0);
    x = await parts(join(t.dir, '总结.docx'));
    rep = JSON.parse((await run(['--json', 'report', '--year', '2026'])).stdout) as PeriodReport;
  });

  it('sets the GB/T 9704 page: A4 and margins 37/28/26/35 mm', () => {
    const doc = x['word/document.xml']!;
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:left="1588"');
    expect(mar).toContain('w:right="1474"');
    expect(mar).toContain('w:bottom="1984"');
  });

  it('names East-Asian faces and sizes: title 2号 小标宋, body 3号 仿宋, headings 黑体/楷体, exact 28.95 pt lines', () => {
    const st = x['word/styles.xml']!;
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(st)![0];
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('Title')).toContain('<w:sz w:val="44"/>');
    expect(style('Title')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('GbBody')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style('GbBody')).toContain('<w:sz w:val="32"/>');
    expect(style('GbBody')).toContain('w:firstLine="640"');
    expect(st).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    expect(style('GbPage')).toContain('w:eastAsia="宋体"');
    expect(style('GbPage')).toContain('<w:sz w:val="28"/>');
  });

  it('puts “— N —” with a PAGE field in the footers (odd right, even left)', () => {
    const footers = Object.entries(x).filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, v]) => v);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('— ');
      expect(f).toContain('w:val="GbPage"');
    }
    expect(x['word/settings.xml']).toContain('evenAndOddHeaders');
  });

  it('has the title, the five headings, tables with repeating headers, and the people with gaps', () => {
    const doc = x['word/document.xml']!;
    const all = text(doc);
    expect(all).toContain('机关第一党支部2026年度学习型党组织建设工作总结');
    for (const h of ['一、基本情况', '二、主要做法', '三、学习成效', '四、存在问题', '五、下一步打算']) expect(all).toContain(h);
    expect(doc).toContain('<w:tblHeader/>');
    // 基本数据, then the tables after the charts (活动类型, 出勤率, 读书类别, 党员达标), then all rules.
    expect((doc.match(/<w:tbl>/g) ?? []).length).toBe(6);
    const gapNames = new Set(rep.audit.verdicts.filter((v) => v.status === 'gap' && v.appliesTo === 'leaders').map((v) => v.subject));
    expect(gapNames.size).toBeGreaterThan(0);
    for (const name of gapNames) expect(all).toContain(name);
    expect(all).toContain(`${rep.audit.gapCount}人次未达标，逐人逐项情况见学习台账“达标情况”表`);
    expect(all).toContain('【请在此填写下一步工作打算');
  });

  it('says how the annual study plan went, naming the month not held, in the .docx and the .md', () => {
    expect(rep.plan).toMatchObject({ gaps: 1 });
    const gap = rep.plan!.rows.find((row) => row.status === 'gap')!;
    expect(gap).toMatchObject({ month: '2026-02', theme: '全面从严治党新要求' });
    const sentence = `年度学习计划安排${rep.plan!.rows.length}个月，已开展${rep.plan!.held}个月，未开展1个月（2月“全面从严治党新要求”）`;
    expect(text(x['word/document.xml']!)).toContain(`做到有计划、有签到、有记录。${sentence}`);
    expect(readFileSync(join(t.dir, '2026年度学习型党组织建设工作总结.md'), 'utf8')).toContain(sentence);
  });

  it('writes the same summary as Markdown', () => {
    const md = readFileSync(join(t.dir, '2026年度学习型党组织建设工作总结.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# 机关第一党支部2026年度学习型党组织建设工作总结');
    expect(md).toContain('## 四、存在问题');
    expect(md).toContain('| 项目 | 数量 | 说明 |');
    expect(md).toContain(`${rep.audit.gapCount}人次未达标，逐人逐项情况见学习台账“达标情况”表`);
    expect(md).not.toContain('{{');
  });
});

describe('report --template', () => {
  it('fills a .docx template, joining placeholders Word split across runs, and warns about unknown ones', async () => {
    const d = await import('docx');
    const doc = new d.Document({ sections: [{
      headers: { default: new d.Header({ children: [new d.Paragraph({ children: [new d.TextRun('{{机关}}')] })] }) },
      children: [
        new d.Paragraph({ children: [new d.TextRun({ text: '{{', bold: true }), new d.TextRun('支部'), new d.TextRun('}}共有党员{{在'), new d.TextRun('册人数}}名。')] }),
        new d.Paragraph({ children: [new d.TextRun('出勤率{{出勤率}}，{{不存在的}}。A&B <c>')] }),
      ],
    }] });
    writeFileSync(join(t.dir, '模板.docx'), await d.Packer.toBuffer(doc));
    const r = await run(['report', '--year', '2026', '--template', '模板.docx']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('{{不存在的}}');
    const out = await parts(join(t.dir, '2026年度学习型党组织建设工作总结.docx'));
    const body = text(out['word/document.xml']!);
    expect(body).toContain('机关第一党支部共有党员24名。');
    expect(body).toMatch(/出勤率\d+\.\d%，\{\{不存在的\}\}。A&amp;B &lt;c&gt;/);
    expect(out['word/document.xml']).toMatch(/<w:b\/>[\s\S]*?机关第一党支部/);
    const header = Object.entries(out).find(([n]) => n.startsWith('word/header'))![1];
    expect(text(header)).toBe('示范市财政局机关');
  });

  it('uses a .md wording template for --md and --docx', async () => {
    writeFileSync(join(t.dir, '措辞.md'), '# {{支部}}{{期间}}读书活动小结\n\n本期活动{{活动次数}}次。\n\n{{表:读书类别}}\n');
    const r = await run(['report', '--year', '2026', '--md', '小结.md', '--template', '措辞.md']);
    expect(r.code).toBe(0);
    const md = readFileSync(join(t.dir, '小结.md'), 'utf8');
    expect(md).toMatch(/^# 机关第一党支部2026年度读书活动小结\n\n本期活动\d+次。\n\n\*\*读书情况（按类别）\*\*/);
  });

  // What the message says is what happens: an unknown placeholder, inline or standing alone as a table or
  // chart, stays in the summary as typed; a template with no text is refused, naming it, nothing written.
  it('keeps unknown placeholders of a .md template as typed, as the message says, naming the template', async () => {
    writeFileSync(join(t.dir, '未知.md'), '# {{支部}}小结\n\n## 一、情况\n\n{{表:不存在}}\n\n{{图：没有这张图}}\n\n正文{{不存在的}}。\n');
    const r = await run(['report', '--year', '2026', '--md', '未知小结.md', '--docx', '未知小结.docx', '--template', '未知.md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`措辞模板 ${join(t.dir, '未知.md')} 中有 3 个不认识的占位符，已原样保留：{{表:不存在}}、{{图：没有这张图}}、{{不存在的}}`);
    expect(readFileSync(join(t.dir, '未知小结.md'), 'utf8')).toBe('# 机关第一党支部小结\n\n## 一、情况\n\n{{表:不存在}}\n\n{{图：没有这张图}}\n\n正文{{不存在的}}。\n');
    const body = text((await parts(join(t.dir, '未知小结.docx')))['word/document.xml']!);
    for (const kept of ['{{表:不存在}}', '{{图：没有这张图}}', '正文{{不存在的}}。']) expect(body).toContain(kept);
  });

  it.each([['空.md', ''], ['只有注释.md', '\uFEFF<!-- 这里写措辞 -->\n\n  \n']])('refuses an empty .md template (%s): exit 2 naming it, nothing written', async (name, content) => {
    writeFileSync(join(t.dir, name), content);
    const r = await run(['report', '--year', '2026', '--docx', `${name}.docx`, '--md', `${name}.out.md`, '--template', name]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`错误：措辞模板 ${join(t.dir, name)} 是空的`);
    expect(r.stderr).toContain('没有生成任何文件');
    expect(existsSync(join(t.dir, `${name}.docx`)) || existsSync(join(t.dir, `${name}.out.md`))).toBe(false);
  });

  it('refuses a template that is neither .docx nor .md, or missing (exit 2)', async () => {
    expect((await run(['report', '--docx', '--template', 'x.pdf'])).code).toBe(2);
    expect((await run(['report', '--docx', '--template', '没有.docx'])).code).toBe(2);
  });

  it('fillXml keeps the first run of a split placeholder and empties the rest', () => {
    const xml = '<w:p><w:r><w:t>A{{</w:t></w:r><w:r><w:t>x</w:t></w:r><w:r><w:t>}}B{{y}}</w:t></w:r></w:p>';
    expect(fillXml(xml, { x: '1', y: '2\n3' })).toBe(
      '<w:p><w:r><w:t xml:space="preserve">A1</w:t></w:r><w:r><w:t xml:space="preserve"></w:t></w:r>' +
      '<w:r><w:t xml:space="preserve">B2</w:t><w:br/><w:t xml:space="preserve">3</w:t></w:r></w:p>');
  });
});
