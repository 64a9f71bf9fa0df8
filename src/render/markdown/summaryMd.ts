// The written summary as Markdown: the same blocks as the Word file (same template text), for pasting
// into a chat, a web form or a mail, or for reading in any editor.
import type { SummaryBlock } from '../../reports/summaryBlocks.js';
import type { SummaryTable } from '../../reports/summaryText.js';

/** Renders the blocks as Markdown text. */
export function summaryMarkdown(blocks: SummaryBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title': out.push(`# ${b.text}`); break;
      case 'h1': out.push(`## ${b.text}`); break;
      case 'h2': out.push(`### ${b.text}`); break;
      case 'p': out.push(b.edit ? `**${b.text}**` : b.text); break;
      case 'sign': out.push(b.lines.map((l) => `<p align="right">${escapeHtml(l)}</p>`).join('\n')); break;
      case 'table': out.push(table(b.table)); break;
      // No pictures in Markdown: the chart's figures as its table.
      case 'chart': out.push(table(b.chart.table)); break;
    }
  }
  return out.join('\n\n') + '\n';
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(t: SummaryTable): string {
  return [
    `**${t.caption}**`,
    '',
    `| ${t.headers.map(cell).join(' | ')} |`,
    `| ${t.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
