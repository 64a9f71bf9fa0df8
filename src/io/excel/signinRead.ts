// Reads a filled sign-in sheet (as a Grid) into raw rows with their cell addresses; judging the values
// (status words, member ids) is left to the importer so every problem can be reported with its cell.
// A header row may hold several blocks side by side (序号 姓名 签到 | 序号 姓名 签到, to fit a branch on one
// A4 page): every block is read, left to right.
import { columnLetter, type Cell, type Grid } from '../../domain/grid.js';
import { keepText } from '../../domain/text.js';
import { parseDate } from '../../domain/dates.js';
import { SIGNIN_HEADERS, readSessionMarker } from './signinLayout.js';

/** One table row of the sheet (one block of it), as written. */
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
  /** The session's day as the sheet prints it (“日期：2026-05-19（周二）”), when it does. */
  printedDate?: string;
  hasStatusColumn: boolean;
  /** How many 姓名 blocks the header row holds (2 for a sheet laid out in two halves). */
  blocks: number;
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

type Key = keyof typeof SIGNIN_HEADERS;
type Block = Partial<Record<Key, number>>;

const HEADER_SYNONYMS: Record<Key, string[]> = {
  seq: ['序号', '编号'],
  name: ['姓名', '名字', '党员姓名'],
  signature: ['签名', '签字', '本人签名', '签到', '本人签字'],
  status: ['状态', '签到情况', '出勤', '出勤情况', '出席情况', '到会情况'],
  note: ['备注', '事由', '请假事由', '说明'],
  memberId: ['人员编号'],
};

const norm = (s: string) => s.replace(/[\s　]/g, '');

function keyOf(text: string): Key | undefined {
  for (const [key, names] of Object.entries(HEADER_SYNONYMS) as [Key, string[]][]) if (names.includes(text)) return key;
  return undefined;
}

/** The blocks of a header row, left to right: a label already seen in the current block (a second 序号 or
 * 姓名) starts the next one. Only blocks with a 姓名 and a 签名 or 状态 column count. */
function headerBlocks(cells: string[]): Block[] {
  const blocks: Block[] = [];
  let cur: Block = {};
  cells.forEach((t, c) => {
    const key = keyOf(t);
    if (!key) return;
    if (cur[key] !== undefined) {
      blocks.push(cur);
      cur = {};
    }
    cur[key] = c;
  });
  blocks.push(cur);
  return blocks.filter((b) => b.name !== undefined && (b.status !== undefined || b.signature !== undefined));
}

/** Finds the header row and reads the table under it; undefined when the grid has no 姓名 header. */
export function readSigninGrid(grid: Grid): SigninGrid | undefined {
  let headerRow = -1;
  let blocks: Block[] = [];
  for (let r = 0; r < Math.min(grid.rows.length, 30) && headerRow < 0; r++) {
    const found = headerBlocks((grid.rows[r] ?? []).map((c) => norm(cellText(c))));
    if (found.length === 0) continue;
    headerRow = r;
    blocks = found;
  }
  if (headerRow < 0) return undefined;
  let sessionId: number | undefined;
  for (let r = 0; r < headerRow && sessionId === undefined; r++) {
    for (const c of grid.rows[r] ?? []) {
      const id = readSessionMarker(cellText(c));
      if (id !== undefined) { sessionId = id; break; }
    }
  }
  // The date printed above the table (the sheet's own “日期：…” line), to check against the session.
  let printedDate: string | undefined;
  for (let r = 0; r < headerRow && printedDate === undefined; r++) {
    for (const c of grid.rows[r] ?? []) {
      const m = /^\s*(?:活动)?日期\s*[:：]\s*([0-9０-９]{4}\s*[-/.年][^（(\s　]*)/.exec(cellText(c));
      const d = m ? parseDate(m[1]!.trim()) : undefined;
      if (d?.ok) { printedDate = d.value.iso; break; }
    }
  }
  const rows: SigninRow[][] = blocks.map(() => []);
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const first = cellText(cells.find((c) => cellText(c) !== '') ?? null);
    if (/^(应到|记录人|说明|合计|备注[:：])/.test(first)) break;
    blocks.forEach((col, b) => {
      const get = (k: Key) => (col[k] === undefined ? '' : cellText(cells[col[k]!]));
      const addr = (k: Key) => (col[k] === undefined ? undefined : `${columnLetter(col[k]!)}${r + 1}`);
      const row: SigninRow = {
        row: r + 1, name: get('name'), signature: get('signature'), status: get('status'), note: col.note === undefined ? '' : cellText(cells[col.note], true),
        at: { name: addr('name')!, status: addr('status') ?? addr('signature') ?? addr('name')!, signature: addr('signature'), memberId: addr('memberId') },
      };
      const id = get('memberId');
      if (id) row.memberId = id;
      if (!row.name && !row.signature && !row.status && !row.note && !row.memberId) return;
      rows[b]!.push(row);
    });
  }
  return { sessionId, ...(printedDate ? { printedDate } : {}), hasStatusColumn: blocks.some((b) => b.status !== undefined), blocks: blocks.length, rows: rows.flat() };
}
