// One clock for the whole program so tests can freeze "today" with SHUXIANG_NOW=YYYY-MM-DD.

/** Today's calendar date as YYYY-MM-DD, in local time (or SHUXIANG_NOW when set). */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.SHUXIANG_NOW?.trim();
  if (fixed) {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(fixed);
    if (m) return m[1]!;
  }
  const d = new Date();
  return localIsoDate(d);
}

/** A timestamp for records (batches); frozen together with SHUXIANG_NOW. */
export function nowStamp(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.SHUXIANG_NOW?.trim();
  if (fixed) return fixed.length === 10 ? `${fixed}T09:00:00` : fixed;
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localIsoDate(d)}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
