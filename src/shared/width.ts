// Display width of text in a terminal: CJK characters take two columns.
import { eastAsianWidth } from 'get-east-asian-width';

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns the string occupies in a monospace terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 32 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    w += eastAsianWidth(cp);
  }
  return w;
}

/** Pads with spaces to `width` display columns. */
export function padDisplay(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - displayWidth(s));
  return align === 'left' ? s + ' '.repeat(gap) : ' '.repeat(gap) + s;
}
