// Help laid out for Chinese: commander wraps only at spaces and measures by `.length`; here every line is
// measured by display width and may break between Chinese characters (src/shared/wrap.ts), at the width
// of the terminal the help goes to (its columns, or COLUMNS, or 80). The hand-written text a command adds
// after its options (示例、说明) is fitted to the same width.
import type { Help } from 'commander';
import { displayWidth } from '../shared/width.js';
import { wrapLine, wrapText } from '../shared/wrap.js';

/** A stream the help may be written to: a terminal says how wide it is. */
export interface SizedStream {
  isTTY?: boolean;
  columns?: number;
}

/** Columns to lay help out in: the COLUMNS variable, else the terminal's width, else 80. */
export function terminalWidth(stream: SizedStream, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  return 80;
}

/** The Help methods that wrap by display width (for `configureHelp`). */
export const cjkHelp: Partial<Help> = {
  displayWidth,
  minWidthToWrap: 16,
  boxWrap(this: Help, str: string, width: number): string {
    return wrapText(str, width);
  },
  formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
    const width = this.helpWidth ?? 80;
    if (!description) return `  ${term}`;
    const column = 2 + termWidth + 2;
    // A term so wide that the description would be squeezed: the description goes under it instead.
    if (width - column < this.minWidthToWrap) {
      return [`  ${term}`, ...description.split('\n').flatMap((l) => wrapLine(`      ${l.trim()}`, width, '      '))].join('\n');
    }
    const pad = ' '.repeat(termWidth - helper.displayWidth(term));
    const lines = helper.preformatted(description) ? description.split('\n') : wrapText(description, width - column).split('\n');
    return lines.map((l, i) => (i === 0 ? `  ${term}${pad}  ${l}` : `${' '.repeat(column)}${l}`)).join('\n');
  },
} as Partial<Help>;

const SENTENCE_END = /[。！？：:]$/;

/** A line of the text added after the options: `  command    what it does` keeps its second column. */
function fitLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const two = /^(\s+\S.*?\s{2,})(\S.*)$/.exec(line);
  if (two) {
    const column = displayWidth(two[1]!);
    if (width - column >= 16) return wrapLine(line, width, ' '.repeat(column));
  }
  const indent = /^\s*/.exec(line)![0];
  return wrapLine(line, width, indent + '    ');
}

/**
 * Fits hand-written help text to `width`: a paragraph written over several unindented lines is rejoined
 * and rewrapped (its lines end mid-sentence), indented lines (examples) are wrapped with a hanging indent.
 */
export function fitHelpText(text: string, width: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let paragraph = '';
  const flush = () => {
    if (paragraph) out.push(...wrapLine(paragraph, width));
    paragraph = '';
  };
  for (const line of lines) {
    if (line.trim() === '' || /^\s/.test(line)) {
      flush();
      out.push(...(line.trim() === '' ? [''] : fitLine(line, width)));
      continue;
    }
    if (paragraph && !SENTENCE_END.test(paragraph)) {
      const joinWithSpace = displayWidth(paragraph.slice(-1)) === 1 && displayWidth(line[0]!) === 1;
      paragraph += (joinWithSpace ? ' ' : '') + line;
    } else {
      flush();
      paragraph = line;
    }
    if (SENTENCE_END.test(paragraph)) flush();
  }
  flush();
  return out.join('\n');
}
