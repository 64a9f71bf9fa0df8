// Line wrapping by display width for mixed Chinese and Latin text. Chinese has no spaces between words,
// so a line may break between any two Chinese characters, as well as at a space; a Latin word (a flag, a
// file name, a number) is never split unless it alone is wider than the line. Closing punctuation never
// starts a line and opening punctuation never ends one (the usual Chinese line-breaking rules).
import { codePointWidth, displayWidth } from './width.js';

const NO_START = new Set('，。、；：！？）》」』】〕〉”’…—·%,.;:!?)]}');
const NO_END = new Set('（《「『【〔〈“‘([{');
// ASCII punctuation stays inside its Latin word (`a.xlsx`, `--kind`); a word starting with one sticks to
// what precedes it (`名册.xlsx`).

/** One unbreakable piece of a line and the spaces before it (a break there drops them). */
interface Piece {
  space: string;
  text: string;
}

function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  let space = '';
  let word = '';
  let glue = false;
  const add = (unit: string) => {
    const last = pieces[pieces.length - 1];
    if (last && space === '' && (glue || NO_START.has(unit[0]!))) last.text += unit;
    else pieces.push({ space, text: unit });
    space = '';
    glue = NO_END.has(unit[unit.length - 1]!);
  };
  const flush = () => {
    if (word) add(word);
    word = '';
  };
  // A template placeholder ({{心得篇数}}) is one word, never split.
  for (const ch of text.split(/(\{\{[^{}]*\}\})/).flatMap((part, i) => (i % 2 ? [part] : [...part]))) {
    if (ch.startsWith('{{')) {
      word += ch;
    } else if (ch === ' ' || ch === '\t') {
      flush();
      space += ch;
      glue = false;
    } else if (codePointWidth(ch.codePointAt(0)!) === 2 || (ch > '\u007f' && (NO_START.has(ch) || NO_END.has(ch)))) {
      flush();
      add(ch);
    } else {
      word += ch;
    }
  }
  flush();
  return pieces;
}

/** The longest start of `text` that fits in `width` columns (at least one character). */
function headOf(text: string, width: number): string {
  let head = '';
  for (const ch of text) {
    if (head && displayWidth(head + ch) > width) break;
    head += ch;
  }
  return head;
}

/**
 * Wraps one line (no newlines) to `width` display columns. The line's own leading spaces stay on the
 * first line; continuation lines start with `hang` (spaces). Returns the lines without trailing spaces.
 */
export function wrapLine(line: string, width: number, hang = ''): string[] {
  const indent = /^[ \t]*/.exec(line)![0];
  const pieces = piecesOf(line.slice(indent.length));
  if (pieces.length === 0) return [line.trimEnd()];
  const lines: string[] = [];
  let cur = indent;
  let curWidth = displayWidth(indent);
  let empty = true;
  const hangWidth = displayWidth(hang);
  for (const p of pieces) {
    const w = displayWidth(p.text);
    const sw = empty ? 0 : displayWidth(p.space);
    if (!empty && curWidth + sw + w > width) {
      lines.push(cur.trimEnd());
      cur = hang;
      curWidth = hangWidth;
      empty = true;
    }
    if (empty && w > width - curWidth) {
      // A piece wider than the line (a long path): fill this line, then as many more as it takes.
      let rest = p.text;
      for (;;) {
        const head = headOf(rest, width - curWidth);
        cur += head;
        curWidth += displayWidth(head);
        rest = rest.slice(head.length);
        if (!rest) break;
        lines.push(cur.trimEnd());
        cur = hang;
        curWidth = hangWidth;
      }
      empty = false;
      continue;
    }
    cur += (empty ? '' : p.space) + p.text;
    curWidth += sw + w;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(cur.trimEnd());
  return lines;
}

/** Wraps every line of a text (keeping its line breaks) to `width` columns, continuation lines hung by `hang`. */
export function wrapText(text: string, width: number, hang = ''): string {
  return text.split(/\r?\n/).flatMap((line) => wrapLine(line, width, hang)).join('\n');
}
