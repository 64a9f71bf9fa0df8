// The worker thread of evidenceParallel.ts (its own file in the bundle, dist/bundle/evidenceWorker.cjs):
// opens the database read-only, reads the column kinds it was given, posts them back and signals. It
// always signals, so the thread waiting for it never waits in vain.
import { workerData } from 'node:worker_threads';
import { packColumns, packedBuffers, type WorkerAnswer, type WorkerTask } from './evidenceParallel.js';

const task = workerData as WorkerTask;

async function read(): Promise<WorkerAnswer> {
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
      const read = fault === 'empty' ? Object.fromEntries(task.jobs.map((j) => [j, new Map()])) : readColumns(db, task.range, task.jobs);
      return { columns: Object.fromEntries(Object.entries(read).map(([job, map]) => [job, packColumns(map as Map<number, never>)])) };
    } finally {
      db.close();
    }
  } catch (e) {
    return { error: (e as Error)?.message ?? String(e) };
  }
}

void read().then((answer) => {
  try {
    task.port.postMessage(answer, 'columns' in answer ? packedBuffers(answer.columns) : []);
  } catch (e) {
    task.port.postMessage({ error: (e as Error)?.message ?? String(e) });
  }
}).finally(() => {
  Atomics.store(task.signal, 0, 1);
  Atomics.notify(task.signal, 0);
});
