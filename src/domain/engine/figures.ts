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
  const a = typeof actual === 'number' ? {} : actual;
  return Object.fromEntries(Object.entries(required).map(([k, v]) => [k, Math.max(0, tidy(v - (a[k] ?? 0)))]));
}

/** Whether every entry of a figure is 0 (a met gap, or a quota prorated to nothing). */
export function isZero(f: Figure): boolean {
  return typeof f === 'number' ? f <= 0 : Object.values(f).every((v) => v <= 0);
}
