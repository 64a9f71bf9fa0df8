// The official working-day data: the JSON file inside the `chinese-days` package (pinned to an exact
// version in package.json). We read its data file rather than calling its functions: those parse
// 'YYYY-MM-DD' as UTC and read it back in local time, so west of UTC they shift every date by one day
// (checked with TZ=America/Los_Angeles: 2026-01-05, a Monday, read as a day off). A deep path is not part
// of a package's promise, so the file is looked for and checked here, and a moved or reshaped file is a
// Chinese message saying how to repair the installation — not a crash at start-up.
import { createRequire } from 'node:module';
import { buildWorkCalendar, type CalendarOverrides, type OfficialCalendar, type WorkCalendar } from '../domain/workdays.js';
import { UserError } from '../shared/errors.js';

/** Where chinese-days keeps its data (checked for 1.5.7). */
export const CALENDAR_DATA = 'chinese-days/dist/chinese-days.json';

const require = createRequire(import.meta.url);
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;
/** The data file's text, when the bundle was built with it (src/build/bundle.ts defines it). */
declare const __CALENDAR_JSON__: string | undefined;

function broken(what: string): UserError {
  return new UserError(`无法读取工作日日历数据（${CALENDAR_DATA}）：${what}。`, [
    '这通常是 chinese-days 数据包被升级到了不兼容的版本，或安装不完整。',
    '请在 shuxiang 的项目文件夹里运行 npm ci 重新安装（package.json 固定了经过检查的版本）。',
  ]);
}

/** Reads and checks the package's data file; `specifier` is a seam for tests (a path that is not there). */
export function loadOfficialCalendar(specifier: string = CALENDAR_DATA): OfficialCalendar {
  let data: unknown;
  try {
    // The literal path keeps the package visible to the import graph (and to a bundler).
    // The shipped bundle carries the file's text (src/build/bundle.ts); from src/ it is read from the package.
    if (specifier === CALENDAR_DATA && typeof __CALENDAR_JSON__ === 'string') data = JSON.parse(__CALENDAR_JSON__);
    else data = specifier === CALENDAR_DATA ? require('chinese-days/dist/chinese-days.json') : require(specifier);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw broken('数据包里没有这个文件');
    throw broken(`文件无法解析（${(e as Error).message.split('\n')[0]}）`);
  }
  const { holidays, workdays } = (data ?? {}) as Partial<Record<'holidays' | 'workdays', unknown>>;
  // The shape only (keys written YYYY-MM-DD): a moved or reshaped file is what this guards against, and
  // a full date check of its ~800 keys would cost every audit a millisecond of start-up.
  const isDateTable = (t: unknown): t is Record<string, string> =>
    typeof t === 'object' && t !== null && !Array.isArray(t) && Object.keys(t).every((k) => DATE_KEY.test(k));
  if (!isDateTable(holidays) || !isDateTable(workdays) || Object.keys(holidays).length === 0) {
    throw broken('文件格式与预期不同（应含按日期排列的 holidays 和 workdays）');
  }
  return { holidays, workdays };
}

let official: OfficialCalendar | undefined;

/** The working-day calendar from the package data and the user's overrides (the data is read once). */
export function createWorkCalendar(overrides: CalendarOverrides = {}): WorkCalendar {
  official ??= loadOfficialCalendar();
  return buildWorkCalendar(official, overrides);
}
