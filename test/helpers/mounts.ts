// The tmpfs mounts a fault test made (a full or read-only disk), taken down again after each test.
import { execFileSync } from 'node:child_process';

/** Unmounts `mounts` (innermost first) and empties the list; one already gone is passed over. */
export function unmountAll(mounts: string[]): void {
  for (const m of mounts.splice(0).reverse()) {
    try {
      execFileSync('umount', [m], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}
