// Reading SQLite's group_concat text: a member's rows come as one row of comma-joined lists, read here
// straight into typed arrays (splitting them would make millions of short strings).

/** n comma-joined non-negative integers. */
export function readInts(text: string, n: number): Float64Array {
  const out = new Float64Array(n);
  let at = 0;
  let id = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 44) { out[at++] = id; id = 0; } else id = id * 10 + (ch - 48);
  }
  out[at] = id;
  return out;
}
