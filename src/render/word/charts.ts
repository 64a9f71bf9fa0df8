// A summary chart as a native Word chart (docx's ChartRun: the chart part with its data in an embedded
// workbook, so Word's "Edit Data" opens it): value axis from 0, Chinese labels, a numbered caption under
// it (图1 …). The table with the same figures follows it (summaryDocx.ts). docx/charts is loaded here only.
import type { SummaryChart } from '../../reports/summaryCharts.js';
import { FACE } from './gbStyles.js';

type Docx = typeof import('docx');
type Charts = typeof import('docx/charts');

/** The text width is 156 mm ≈ 590 px at 96 dpi; charts take 560 px so they never touch the margins. */
const WIDTH = 560;

/** The chart paragraph and its caption paragraph. */
export function chartParagraphs(d: Docx, c: Charts, chart: SummaryChart, no: number): InstanceType<Docx['Paragraph']>[] {
  const font = { name: FACE.latin };
  const label = { size: 10.5 };
  // 260 px (69 mm) leaves room for the caption and the table's first rows on the same page.
  const height = chart.type === 'bar' ? Math.max(220, 60 + chart.categories.length * 40) : 260;
  const labels = {
    value: true, font: { size: 9 },
    // Zero labels are hidden (“0;-0;;”): a stacked bar's empty parts would otherwise print a stray 0.
    numberFormat: chart.stacked ? '0;-0;;' : chart.decimals ? '0.0' : '0',
    ...(chart.stacked ? { position: 'center' as const } : {}),
  };
  const run = new c.ChartRun({
    type: chart.type,
    categories: chart.categories,
    series: chart.series.map((s) => ({
      name: s.name, values: s.values, ...(s.color ? { color: s.color } : {}),
      ...(s.labelColor ? { dataLabels: { ...labels, font: { size: 9, color: s.labelColor } } } : {}),
    })),
    stacking: chart.stacked ? 'stacked' : 'none',
    font,
    legend: chart.series.length > 1 ? { position: 'bottom', font: label } : false,
    categoryAxis: { font: label, ...(chart.type === 'bar' ? { reverseOrder: true } : {}) },
    valueAxis: {
      minimum: 0, ...(chart.max !== undefined ? { maximum: chart.max } : {}),
      // Bars read top-down in category order; the value axis then sits under them, not above.
      ...(chart.type === 'bar' ? { crossesAt: 'maximum' as const } : {}),
      title: { text: chart.axisTitle, font: { size: 10.5 } }, font: label, numberFormat: '0',
    },
    dataLabels: labels,
    gapWidth: 80,
    ...(chart.series.length > 1 && !chart.stacked ? { overlap: -10 } : {}),
    transformation: { width: WIDTH, height },
    altText: { name: `图${no}`, description: `图${no}　${chart.caption}`, title: chart.caption },
  } as import('docx/charts').ChartRunOptions);
  return [
    new d.Paragraph({ alignment: 'center', keepNext: true, spacing: { before: 120, after: 0, line: 240, lineRule: 'auto' }, children: [run] }),
    new d.Paragraph({ style: 'GbCaption', spacing: { before: 60, after: 120, line: 579, lineRule: 'exact' }, children: [new d.TextRun(`图${no}　${chart.caption}`)] }),
  ];
}
