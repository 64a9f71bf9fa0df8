// The worker thread of evidenceParallel.ts (its own file in the bundle, dist/bundle/evidenceWorker.cjs):
// opens the database read-only, reads the column kinds it was given phase by phase, posts each phase back
// and signals it. It always signals, so the thread waiting for it never waits in vain.
import { workerData } from 'node:worker_threads';
import { packColumns, packedBuffers, type WorkerAnswer, type WorkerTask } from './evidenceParallel.js';

const task = workerData as WorkerTask;

/** Opens the database and answers each phase as soon as it is read; a failure answers every phase left. */
async function run(): Promise<void> {
  let phase = 0;
  try {
    const { openFile } = await import('./dbConnect.js');
    const { readColumns } = await import('./evidenceColumns.js');
    // Fault injection for the tests (SHUXIANG_FAULT_WORKER): `throw` fails here (the kinds must then be
    // read on the main thread), `empty` answers with nothing (so a test can see the answer is used).
    const fault = process.env.SHUXIANG_FAULT_WORKER;
    if (fault === 'throw') throw new Error('injected worker fault');
    const db = openFile(task.path, true);
    try {
      db.pragma('busy_timeout = 10000');
      for (; phase < task.phases.length; phase++) {
        const jobs = task.phases[phase]!;
        const read = fault === 'empty' ? Object.fromEntries(jobs.map((j) => [j, new Map()])) : readColumns(db, task.range, jobs);
        answer({ phase, columns: Object.fromEntries(Object.entries(read).map(([job, map]) => [job, packColumns(map as Map<number, never>)])) });
      }
    } finally {
      db.close();
    }
  } catch (e) {
    for (; phase < task.phases.length; phase++) answer({ phase, error: (e as Error)?.message ?? String(e) });
  }
}

/** Posts one phase's answer and signals it (always: the thread waiting for it never waits in vain). */
function answer(a: WorkerAnswer): void {
  try {
    task.port.postMessage(a, 'columns' in a ? packedBuffers(a.columns) : []);
  } catch (e) {
    task.port.postMessage({ phase: a.phase, error: (e as Error)?.message ?? String(e) });
  } finally {
    Atomics.store(task.signal, a.phase, 1);
    Atomics.notify(task.signal, a.phase);
  }
}

void run();
