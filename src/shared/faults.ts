// Fault injection for the crash tests: with SHUXIANG_FAULT_AFTER_ROWS=N a write blocks forever
// after its N-th row (inside the transaction), so a test can kill -9 the process at that point.

/** Returns a per-row hook that blocks at the configured row, or undefined when not configured. */
export function faultHook(env: NodeJS.ProcessEnv, stderr: { write(s: string): unknown }): ((n: number) => void) | undefined {
  const at = Number(env.SHUXIANG_FAULT_AFTER_ROWS);
  if (!Number.isInteger(at) || at <= 0) return undefined;
  return (n) => {
    if (n !== at) return;
    stderr.write('FAULT-POINT\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };
}
