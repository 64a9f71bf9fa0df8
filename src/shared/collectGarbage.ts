// A full garbage collection between the phases of an organ-scale command: building the year report's
// model leaves ~80 MiB of garbage (SQL rows, the grouped texts the evidence columns are parsed from) that
// V8 would collect only after the ledger writer had grown the heap further; collected first, the peak of
// `report --xlsx` for 5,000 members stays under 300 MiB (bench/results.md). The way to reach `gc` without
// starting Node with --expose-gc is the one Jest uses for its leak detection; the flag is turned off again
// once `gc` is had, because V8 refuses a code cache made under other flags (the vendored libraries' caches,
// src/build/vendorLoad.ts, compiled after this point would otherwise be refused).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Collects garbage now (a no-op where V8 refuses). */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
      setFlagsFromString('--no-expose-gc');
    } catch {
      gc = null;
    }
  }
  gc?.();
}
