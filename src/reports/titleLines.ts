// A long title split into lines at sensible points — after the branch and period, before 学习型… or
// 工作总结 — never inside a word (“…学习型党组／织建设工作总结”). Widths are in full-width characters:
// a CJK character counts 1, a digit or letter ½ (display width ÷ 2). GB/T 9704's 2号 title fits 20 a line.
import { displayWidth } from '../shared/width.js';

/** Where a title may break: after these … */
const AFTER = /(?:支部|委员会|党委|机关|年度|季度|半年|\d+月|年(?![上下第度]))(?=.)/g;
/** … or before these. */
const BEFORE = /(?<=.)(?:关于|学习型|学习情况|工作总结|总结|情况)/g;

/** The title in lines of at most `perLine` characters, as balanced as the break points allow. */
export function titleLines(title: string, perLine = 20): string[] {
  const w = (s: string) => displayWidth(s) / 2;
  if (w(title) <= perLine) return [title];
  const points = new Set<number>();
  for (const re of [AFTER, BEFORE]) for (const m of title.matchAll(re)) points.add(re === AFTER ? m.index! + m[0].length : m.index!);
  let best: [number, number] | undefined;
  for (const p of points) {
    if (/^[）》”」，、。：；]/.test(title.slice(p))) continue; // never start a line with closing punctuation
    const a = title.slice(0, p);
    const b = title.slice(p);
    if (w(a) > perLine) continue;
    const rest = titleLines(b, perLine);
    if (rest.some((l) => w(l) > perLine)) continue;
    // Fewest lines first, then the most even; an upper line a little longer is preferred (梯形).
    const score = (1 + rest.length) * 1000 + Math.abs(w(a) - w(rest[0]!)) - (w(a) >= w(rest[0]!) ? 0.5 : 0);
    if (!best || score < best[1]) best = [p, score];
  }
  if (!best) return [title];
  return [title.slice(0, best[0]), ...titleLines(title.slice(best[0]), perLine)];
}
