// Machine output written in pieces: the same bytes as JSON.stringify(data, null, 2), but a long list at
// the top level (an organ's audit holds ~350,000 verdicts) is serialised a few thousand items at a time,
// so no 150 MB string is ever built.
const PIECE = 2000;

/** Writes `data` as indented JSON plus a newline through `write`, long top-level lists piece by piece. */
export function writeJson(write: (s: string) => unknown, data: unknown): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || typeof (data as { toJSON?: unknown }).toJSON === 'function') {
    write(JSON.stringify(data, null, 2) + '\n');
    return;
  }
  const entries = Object.entries(data).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.some(([, v]) => Array.isArray(v) && v.length > PIECE)) {
    write(JSON.stringify(data, null, 2) + '\n');
    return;
  }
  write('{');
  entries.forEach(([key, value], i) => {
    write(`${i ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (!Array.isArray(value) || value.length <= PIECE) {
      write(indent(JSON.stringify(value, null, 2), '\n  '));
      return;
    }
    write('[');
    for (let at = 0; at < value.length; at += PIECE) {
      // Wrapped twice, the items sit two levels deep as in the whole document: "[\n  [\n    {…}\n  ]\n]".
      const piece = JSON.stringify([value.slice(at, at + PIECE)], null, 2);
      write(`${at ? ',' : ''}\n${piece.slice(6, -6)}`);
    }
    write('\n  ]');
  });
  write('\n}\n');
}

function indent(text: string, by: string): string {
  return text.replaceAll('\n', by);
}
