// Which number formats show a date: the one rule both spreadsheet readers use (the fast .xlsx reader for
// its styles; test/io/readers.test.ts keeps it equal to SheetJS's SSF.is_date), kept apart from the XML walk.

/**
 * The built-in number formats that show a date or time: Excel's 14–22 and 45–47, and the East Asian
 * ones (27–36, 50–58 — what a Chinese Excel or WPS writes for 年月日 without a formatCode) and 71–81.
 */
export const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

const isGeneral = (s: string, i: number) => s.slice(i, i + 7).toLowerCase() === 'general';

/** Whether a format code shows a date or time: SheetJS's SSF.is_date, so both readers agree (readers.test.ts checks). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt.charAt(i);
    switch (c) {
      case 'G': if (isGeneral(fmt, i)) i += 6; i++; break;
      case '"': for (; fmt.charCodeAt(++i) !== 34 && i < fmt.length;); ++i; break;
      case '\\': case '_': i += 2; break;
      case '@': ++i; break;
      case 'B': case 'b':
      case 'M': case 'D': case 'Y': case 'H': case 'S': case 'E':
      case 'm': case 'd': case 'y': case 'h': case 's': case 'e': case 'g': return true;
      case 'A': case 'a': case '上':
        if (fmt.substr(i, 3).toUpperCase() === 'A/P' || fmt.substr(i, 5).toUpperCase() === 'AM/PM' || fmt.substr(i, 5) === '上午/下午') return true;
        ++i; break;
      case '[': {
        let o = c;
        while (fmt.charAt(i++) !== ']' && i < fmt.length) o += fmt.charAt(i);
        if (/\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/.test(o)) return true;
        break;
      }
      case '.': case '0': case '#': {
        let ch: string = c;
        while (i < fmt.length && ('0#?.,E+-%'.includes((ch = fmt.charAt(++i))) || (ch === '\\' && fmt.charAt(i + 1) === '-' && '0#'.includes(fmt.charAt(i + 2)))));
        break;
      }
      case '?': while (fmt.charAt(++i) === c); break;
      case '*': ++i; if (fmt.charAt(i) === ' ' || fmt.charAt(i) === '*') ++i; break;
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        while (i < fmt.length && '0123456789'.includes(fmt.charAt(++i)));
        break;
      default: ++i; break;
    }
  }
  return false;
}
