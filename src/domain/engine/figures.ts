// Arithmetic on verdict figures, which are either a number or numbers by part/category.
import type { Figure } from './types.js';

const tidy = (x: number) => Math.round(x * 10000) / 10000;

/** Applies f to a number, or to every entry of a figure object. */
export function mapFigure(f: Figure, fn: (x: number) => number): Figure {
  if (typeof f === 'number') return fn(f);
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, fn(v)]));
}

/** required − actual, never below 0, key by key (a key missing from actual counts as 0). */
export function gapOf(required: Figure, actual: Figure): Figure {
  if (typeof required === 'number') return Math.max(0, tidy(required - (typeof actual === 'number' ? actual : 0)));
  // A plain loop: an organ's year makes ~10⁵ of these (entries/fromEntries cost more than the sums).
  const out: Record<string, number> = {};
  for (const k in required) out[k] = Math.max(0, tidy(required[k]! - (typeof actual === 'number' ? 0 : actual[k] ?? 0)));
  return out;
}

/** Whether every entry of a figure is 0 (a met gap, or a quota prorated to nothing). */
export function isZero(f: Figure): boolean {
  if (typeof f === 'number') return f <= 0;
  for (const k in f) if (f[k]! > 0) return false;
  return true;
}
