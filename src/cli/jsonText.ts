// Machine output written in pieces: the same bytes as JSON.stringify(data, null, 2), but a long list at
// the top level (an organ's audit holds ~350,000 verdicts) is serialised a few thousand items at a time,
// so no 150 MB string is ever built.
const PIECE = 2000;

/** A list made item by item as it is written: a length, slices, and toJSON() for the whole of it. */
interface LazyList {
  length: number;
  slice(start: number, end: number): unknown[];
  toJSON(): unknown;
  /** Optional: items [start, end) as compact JSON text, joined by commas, the same as
   * JSON.stringify(slice(start, end)).slice(1, -1) masked by `mask` — which the list applies itself to each
   * value that may hold personal data (for a list that knows its items' shape, far cheaper than a
   * generic serialisation and a scan of the whole text). */
  compactText?(start: number, end: number, mask: (json: string) => string): string;
}

/** A list already made into compact JSON text (items joined by commas, without the brackets), as chunks of
 * UTF-8 bytes written one after another (reports/verdictStream.ts ChunkList): on the compact path only. */
interface ChunkList {
  length: number;
  chunks: readonly Uint8Array[];
  toJSON(): unknown;
}

const isChunkList = (v: unknown): v is ChunkList =>
  v !== null && typeof v === 'object' && Array.isArray((v as ChunkList).chunks) && typeof (v as ChunkList).toJSON === 'function';

const isLazyList = (v: unknown): v is LazyList =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as LazyList).slice === 'function' && typeof (v as LazyList).length === 'number' && typeof (v as LazyList).toJSON === 'function';
const isLong = (v: unknown): v is unknown[] | LazyList => (Array.isArray(v) || isLazyList(v)) && v.length > PIECE;



const same = (s: string) => s;

/** Whether `data` is an object with a long list at its top level (written piece by piece, below). */
export function hasLongList(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && Object.values(data).some(isLong);
}

/** Whether `data` holds a long list already made into bytes (a ChunkList). */
export function hasLongBytes(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && Object.values(data).some((v) => isChunkList(v) && v.length > PIECE);
}

/** Writes `data` as indented JSON plus a newline through `write`, long top-level lists piece by piece;
 * every piece of text goes through `mask` (JSON text in, JSON text out) on its way. */
export function writeJson(out: (s: string | Uint8Array) => unknown, data: unknown, space = 2, mask: (json: string) => string = same): void {
  const write = (s: string) => out(mask(s));
  if (data === null || typeof data !== 'object' || Array.isArray(data) || typeof (data as { toJSON?: unknown }).toJSON === 'function') {
    write(JSON.stringify(data, null, space) + '\n');
    return;
  }
  if (space === 0) {
    writeCompact(write, data as Record<string, unknown>, out, mask);
    return;
  }
  const entries = Object.entries(data).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.some(([, v]) => isLong(v))) {
    write(JSON.stringify(data, null, 2) + '\n');
    return;
  }
  write('{');
  entries.forEach(([key, value], i) => {
    write(`${i ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (!isLong(value)) {
      write(indent(JSON.stringify(value, null, 2), '\n  '));
      return;
    }
    write('[');
    for (let at = 0; at < value.length; at += PIECE) {
      // Wrapped twice, the items sit two levels deep as in the whole document: "[\n  [\n    {…}\n  ]\n]".
      const piece = JSON.stringify([value.slice(at, at + PIECE)], null, 2);
      // Written apart, so the piece (a megabyte or two) is not copied into a joined string first.
      write(at ? ',\n' : '\n');
      write(piece.slice(6, -6));
    }
    write('\n  ]');
  });
  write('\n}\n');
}

/** The same document without any whitespace, long top-level lists piece by piece (a list's own compact
 * text, already masked, straight to `out`). */
function writeCompact(write: (s: string) => unknown, data: Record<string, unknown>, out: (s: string | Uint8Array) => unknown, mask: (json: string) => string): void {
  const entries = Object.entries(data).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  write('{');
  entries.forEach(([key, value], i) => {
    write(`${i ? ',' : ''}${JSON.stringify(key)}:`);
    if (isChunkList(value)) {
      write('[');
      for (const c of value.chunks) out(c);
      write(']');
      return;
    }
    if (!isLong(value)) { write(JSON.stringify(value)); return; }
    write('[');
    for (let at = 0; at < value.length; at += PIECE) {
      write(at ? ',' : '');
      if (!Array.isArray(value) && value.compactText) out(value.compactText(at, Math.min(at + PIECE, value.length), mask));
      else write(JSON.stringify(value.slice(at, at + PIECE)).slice(1, -1));
    }
    write(']');
  });
  write('}\n');
}

function indent(text: string, by: string): string {
  return text.replaceAll('\n', by);
}
