// Machine output written in pieces: the same bytes as JSON.stringify(data, null, 2), but a long list at
// the top level (an organ's audit holds ~350,000 verdicts) is serialised a few thousand items at a time,
// so no 150 MB string is ever built.
const PIECE = 2000;

/** A list made item by item as it is written: a length, slices, and toJSON() for the whole of it. */
interface LazyList {
  length: number;
  slice(start: number, end: number): unknown[];
  toJSON(): unknown;
}

const isLazyList = (v: unknown): v is LazyList =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as LazyList).slice === 'function' && typeof (v as LazyList).length === 'number' && typeof (v as LazyList).toJSON === 'function';
const isLong = (v: unknown): v is unknown[] | LazyList => (Array.isArray(v) || isLazyList(v)) && v.length > PIECE;

/** Writes `data` as indented JSON plus a newline through `write`, long top-level lists piece by piece. */
export function writeJson(write: (s: string) => unknown, data: unknown, space = 2): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || typeof (data as { toJSON?: unknown }).toJSON === 'function') {
    write(JSON.stringify(data, null, space) + '\n');
    return;
  }
  if (space === 0) {
    writeCompact(write, data as Record<string, unknown>);
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

/** The same document without any whitespace, long top-level lists piece by piece. */
function writeCompact(write: (s: string) => unknown, data: Record<string, unknown>): void {
  const entries = Object.entries(data).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  write('{');
  entries.forEach(([key, value], i) => {
    write(`${i ? ',' : ''}${JSON.stringify(key)}:`);
    if (!isLong(value)) { write(JSON.stringify(value)); return; }
    write('[');
    for (let at = 0; at < value.length; at += PIECE) {
      const piece = JSON.stringify(value.slice(at, at + PIECE));
      write(at ? ',' : '');
      write(piece.slice(1, -1));
    }
    write(']');
  });
  write('}\n');
}

function indent(text: string, by: string): string {
  return text.replaceAll('\n', by);
}
