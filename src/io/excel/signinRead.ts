// Reads a filled sign-in sheet (as a Grid) into raw rows with their cell addresses; judging the values
// (status words, member ids) is left to the importer so every problem can be reported with its cell.
import { columnLetter, type Cell, type Grid } from '../../domain/grid.js';
import { keepText } from '../../domain/text.js';
import { SIGNIN_HEADERS, readSessionMarker } from './signinLayout.js';

/** One table row of the sheet, as written. */
export interface SigninRow {
  /** 1-based Excel row number. */
  row: number;
  name: string;
  memberId?: string;
  signature: string;
  status: string;
  note: string;
  /** Cell addresses, for messages. */
  at: { name: string; status: string; memberId?: string; signature?: string };
}

export interface SigninGrid {
  sessionId?: number;
  hasStatusColumn: boolean;
  rows: SigninRow[];
}

/** Plain text of a cell (dates as YYYY-MM-DD, problems as empty); `kept` text (the 备注) is not normalised. */
export function cellText(c: Cell | undefined, kept = false): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return kept ? keepText(c) : c.normalize('NFKC').trim();
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return '';
}

const HEADER_SYNONYMS: Record<keyof typeof SIGNIN_HEADERS, string[]> = {
  seq: ['序号', '编号'],
  name: ['姓名', '名字', '党员姓名'],
  signature: ['签名', '签字', '本人签名', '签到', '本人签字'],
  status: ['状态', '签到情况', '出勤', '出勤情况', '出席情况', '到会情况'],
  note: ['备注', '事由', '请假事由', '说明'],
  memberId: ['人员编号'],
};

const norm = (s: string) => s.replace(/[\s　]/g, '');

/** Finds the header row and reads the table under it; undefined when the grid has no 姓名 header. */
export function readSigninGrid(grid: Grid): SigninGrid | undefined {
  let headerRow = -1;
  const col: Partial<Record<keyof typeof SIGNIN_HEADERS, number>> = {};
  for (let r = 0; r < Math.min(grid.rows.length, 30) && headerRow < 0; r++) {
    const cells = (grid.rows[r] ?? []).map((c) => norm(cellText(c)));
    const nameAt = cells.findIndex((t) => HEADER_SYNONYMS.name.includes(t));
    if (nameAt < 0) continue;
    if (!cells.some((t) => HEADER_SYNONYMS.status.includes(t) || HEADER_SYNONYMS.signature.includes(t))) continue;
    headerRow = r;
    for (const [key, names] of Object.entries(HEADER_SYNONYMS) as [keyof typeof SIGNIN_HEADERS, string[]][]) {
      const at = cells.findIndex((t) => names.includes(t));
      if (at >= 0) col[key] = at;
    }
  }
  if (headerRow < 0) return undefined;
  let sessionId: number | undefined;
  for (let r = 0; r < headerRow && sessionId === undefined; r++) {
    for (const c of grid.rows[r] ?? []) {
      const id = readSessionMarker(cellText(c));
      if (id !== undefined) { sessionId = id; break; }
    }
  }
  const rows: SigninRow[] = [];
  const get = (cells: Cell[], k: keyof typeof SIGNIN_HEADERS) => (col[k] === undefined ? '' : cellText(cells[col[k]!]));
  const addr = (k: keyof typeof SIGNIN_HEADERS, r: number) => (col[k] === undefined ? undefined : `${columnLetter(col[k]!)}${r + 1}`);
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const first = cellText(cells.find((c) => cellText(c) !== '') ?? null);
    if (/^(应到|记录人|说明|合计|备注[:：])/.test(first)) break;
    const row: SigninRow = {
      row: r + 1, name: get(cells, 'name'), signature: get(cells, 'signature'), status: get(cells, 'status'), note: col.note === undefined ? '' : cellText(cells[col.note], true),
      at: { name: addr('name', r)!, status: addr('status', r) ?? addr('signature', r) ?? addr('name', r)!, signature: addr('signature', r), memberId: addr('memberId', r) },
    };
    const id = get(cells, 'memberId');
    if (id) row.memberId = id;
    if (!row.name && !row.signature && !row.status && !row.note && !row.memberId) continue;
    rows.push(row);
  }
  return { sessionId, hasStatusColumn: col.status !== undefined, rows };
}
