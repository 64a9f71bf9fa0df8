// Finding the roster in a workbook: the sheet, the header row (under banners, possibly two rows
// deep with merged group titles) and what each column means.
import { cellText, type Grid } from './grid.js';
import { FIELD_SPECS, type MemberField } from './member.js';

/** What one column holds: a member field, the row number (序号), or an extra column kept as text. */
export type ColumnRole = { kind: 'field'; field: MemberField } | { kind: 'serial' } | { kind: 'extra'; label: string };

export interface RosterLayout {
  grid: Grid;
  /** 0-based index of the last header row; data starts on the next row. */
  headerEnd: number;
  columns: { col: number; label: string; role: ColumnRole }[];
  /** The banner above the header (“XX支部党员花名册”), when there is one. */
  title?: string;
}

/** The branch a banner names (“XX委机关第二党支部党员名册” → XX委机关第二党支部). */
export function branchInTitle(title: string | undefined): string | undefined {
  const m = /^(.*?(?:党支部|支部))/.exec(title?.replace(/\s/g, '') ?? '');
  return m?.[1];
}

/** A header cell's text reduced for comparison: no spaces, line breaks, hints in brackets, or marks. */
export function headerKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[(\[（【][^)\]）】]*[)\]）】]/g, '')
    .replace(/[\s*＊:：、/／·.\-_]/g, '');
}

/** More spellings of the two personal-number columns seen on real rosters (issue 16): kept as unknown
 * columns, their numbers were shown in full. */
const MORE_SYNONYMS: Partial<Record<MemberField, string[]>> = {
  idCard: ['公民身份证号码', '公民身份证号', '公民身份号码', '身份证件号码', '身份证件号', '证件号码', '证件号', '身份证号码', '居民身份证号', '居民身份证号码', '居民身份证', '身份证编号'],
  phone: ['移动电话', '移动电话号码', '手机号码', '手机号', '联系手机', '电话', '电话号码', '联系电话号码', '办公电话', '固定电话', '手机电话', '本人电话', '联系人电话'],
};

let synonyms: Map<string, MemberField> | undefined;

/** Header keys to fields, made on first use (~2 ms of NFKC and patterns that `member list` and every
 * other command loading this module would otherwise pay at start-up). */
function synonymMap(): Map<string, MemberField> {
  if (synonyms) return synonyms;
  synonyms = new Map();
  for (const spec of FIELD_SPECS) for (const s of [...spec.synonyms, ...(MORE_SYNONYMS[spec.field] ?? [])]) synonyms.set(headerKey(s), spec.field);
  return synonyms;
}

/** True when a header names a personal number (ID card or phone), recognised or kept as an extra column. */
export function isPersonalNumberHeader(text: string): boolean {
  const f = synonymMap().get(headerKey(text));
  return f === 'idCard' || f === 'phone' || /身份证|证件号|电话|手机/.test(text);
}
const SERIAL = new Set(['序号', '编号', '序', 'No', 'NO', 'no']);

export function fieldForHeader(text: string): MemberField | undefined {
  return synonymMap().get(headerKey(text));
}

function roleOf(text: string): ColumnRole | undefined {
  const key = headerKey(text);
  if (!key) return undefined;
  const f = synonymMap().get(key);
  if (f) return { kind: 'field', field: f };
  if (SERIAL.has(key)) return { kind: 'serial' };
  return undefined;
}

function rowScore(grid: Grid, r: number): { score: number; hasName: boolean } {
  const seen = new Set<MemberField>();
  for (const v of grid.rows[r] ?? []) {
    const role = roleOf(cellText(v));
    if (role?.kind === 'field') seen.add(role.field);
  }
  return { score: seen.size, hasName: seen.has('name') };
}

/**
 * The values shown in row r, looking through merges (a merged group title covers its columns): one pass
 * over the merges, so a sheet with 50,000 of them costs 50,000 steps, not 50,000 per column.
 */
function shownRow(grid: Grid, r: number, width: number): (c: number) => string {
  const cover: (Grid['merges'][number] | undefined)[] = [];
  for (const m of grid.merges) {
    if (r < m.top || r > m.bottom) continue;
    for (let c = m.left; c <= Math.min(m.right, width - 1); c++) cover[c] ??= m;
  }
  return (c) => {
    const own = cellText(grid.rows[r]?.[c]);
    if (own.trim()) return own;
    const m = cover[c];
    return m ? cellText(grid.rows[m.top]?.[m.left]) : '';
  };
}

/** The roster layout of one sheet, or undefined when no header with 姓名 and another field is found. */
export function findRosterLayout(grid: Grid, scanRows = 30): RosterLayout | undefined {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(scanRows, grid.rows.length); r++) {
    const s = rowScore(grid, r);
    if (s.hasName && s.score >= 2 && s.score > bestScore) {
      best = r;
      bestScore = s.score;
    }
  }
  if (best < 0) return undefined;
  // Two-row header: the next row names fields under merged group titles (入党情况 › 入党时间 | 转正时间).
  const next = best + 1;
  const width = Math.max(grid.rows[best]?.length ?? 0, grid.rows[next]?.length ?? 0);
  const shown = shownRow(grid, best, width);
  let subFields = 0;
  for (let c = 0; c < width; c++) {
    const sub = roleOf(cellText(grid.rows[next]?.[c]));
    if (sub?.kind === 'field' && roleOf(shown(c))?.kind !== 'field') subFields++;
  }
  // Every other cell of that row is blank or repeats the merged cell above it.
  const allHeaderLike = (grid.rows[next] ?? []).every((v, c) => {
    const t = cellText(v).trim();
    return !t || roleOf(t) !== undefined || t === shown(c).trim();
  });
  const twoRows = subFields > 0 && allHeaderLike;
  // Or the row found is the lower of two: the row above holds labels of its own (性别, 备注 with nothing
  // under them) beside group titles and cells merged down into it (序号, 姓名) — not a banner.
  const prev = best - 1;
  const above = !twoRows && prev >= 0 && (() => {
    const cells = (grid.rows[prev] ?? []).map((v) => cellText(v).trim());
    if (cells.filter(Boolean).length < 2) return false;
    const mergedDown = grid.merges.some((m) => m.top === prev && m.bottom >= best);
    return mergedDown || cells.some((t) => roleOf(t)?.kind === 'field');
  })();
  const headerEnd = twoRows ? next : best;
  const widthAll = above ? Math.max(width, grid.rows[prev]?.length ?? 0) : width;
  const topOf = above ? shownRow(grid, prev, widthAll) : shown;
  const bottomOf = above ? shownRow(grid, best, widthAll) : (c: number) => cellText(grid.rows[next]?.[c]);
  const columns: RosterLayout['columns'] = [];
  const usedFields = new Set<MemberField>();
  for (let c = 0; c < widthAll; c++) {
    const top = topOf(c).trim();
    const bottom = twoRows || above ? bottomOf(c).trim() : '';
    let role = (bottom && roleOf(bottom)) || roleOf(top);
    const label = bottom ? (roleOf(bottom) || !top || top === bottom ? bottom : `${top}·${bottom}`) : top;
    if (!label) continue;
    if (role?.kind === 'field') {
      if (usedFields.has(role.field)) role = undefined;
      else usedFields.add(role.field);
    }
    columns.push({ col: c, label, role: role ?? { kind: 'extra', label } });
  }
  let title: string | undefined;
  for (let r = 0; r < (above ? prev : best) && !title; r++) {
    const t = (grid.rows[r] ?? []).map((v) => cellText(v).trim()).find((x) => x);
    if (t) title = t;
  }
  return { grid, headerEnd, columns, title };
}

/** Every sheet with a roster header, in workbook order (to tell a workbook with a roster per sheet). */
export function rosterLayouts(grids: Grid[]): RosterLayout[] {
  return grids.map((g) => findRosterLayout(g)).filter((l): l is RosterLayout => !!l);
}

/** Picks the sheet that looks most like a roster (or the one named by --sheet). */
export function pickRosterSheet(grids: Grid[], wanted?: string): RosterLayout | { error: string } {
  if (wanted) {
    const g = grids.find((x) => x.name === wanted);
    if (!g) return { error: `没有名为“${wanted}”的工作表。本文件的工作表有：${grids.map((x) => `“${x.name}”`).join('、')}。` };
    return findRosterLayout(g) ?? { error: `工作表“${wanted}”里找不到表头行（至少要有“姓名”和另一列，如“性别”“身份证号”）。` };
  }
  let best: RosterLayout | undefined;
  let bestScore = 0;
  for (const layout of rosterLayouts(grids)) {
    const score = layout.columns.filter((c) => c.role.kind === 'field').length;
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return best ?? {
    error: grids.length === 0 ? '文件里没有任何工作表（可能已损坏，或是空的工作簿）。'
      : `没有找到花名册：各工作表（${grids.map((x) => `“${x.name || 'CSV'}”`).join('、')}）的前 30 行里都没有包含“姓名”等列名的表头行。`,
  };
}
