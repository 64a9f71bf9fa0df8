// The organ-scale audit's evidence read on two threads (issue 18): while this thread reads the roster's
// kinds, a worker thread with its own read-only connection reads the big column kinds — the sign-ins and
// lectures, and for `--json` then the 1.7 million self-study ids to cite — and hands them over as typed
// arrays, phase by phase (the ids are needed only once the other rules are judged). Measured on 2 cores
// (bench organ, 9-run A/B): the text audit 0.84 → 0.78 s, `--json` 2.09 → 2.05 s; the sign-ins read by the
// worker for `--json` too: 2.59 → 2.53 s (5-run A/B, 2026-12-03).
// Both threads see the same data: under the write lock (store/planLock.ts) nobody can commit between the two
// reads, and a read-only run (report, a read-only file) checks data_version: a commit meanwhile discards what
// the worker read. Anything that goes wrong in the worker (it cannot start, the file cannot be read, it does
// not answer) is not an error: the kinds are then read here, as they always were, and any real problem with
// the file is met and reported there.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { Db } from './dbConnect.js';
import type { ColumnJob, ParallelColumns } from './evidenceColumns.js';
import type { LoadRange, ParallelLoad } from './evidenceLoad.js';
import { planLocked } from './planLock.js';

/** The worker's file beside the bundle, defined by src/build/bundle.ts (from src/, under tsc or the tests'
 * in-process runs, there is none, and everything is read on one thread). */
declare const __EVIDENCE_WORKER__: string | undefined;

/** Below this many people a year's evidence reads in a few milliseconds: a thread would cost more. */
const MIN_MEMBERS = 400;

/** What the worker is given. */
export interface WorkerTask {
  path: string;
  range: Pick<LoadRange, 'from' | 'toExclusive' | 'branchId'>;
  /** The jobs in the order they are read and answered: one answer per phase. */
  phases: ColumnJob[][];
  /** Slot k set to 1 (and notified) once phase k's answer is on `port`. */
  signal: Int32Array;
  port: MessagePort;
}

type Columns = Record<string, Int32Array | Float64Array | Uint8Array>;

/** Columns by member, packed into one typed array per column (handed over without a copy): ~10,000 small
 * arrays would cost the receiving thread ~20 ms to rebuild one by one. */
export interface PackedColumns {
  members: Float64Array;
  /** Entry k's rows are [offsets[k], offsets[k + 1]) of every column. */
  offsets: Int32Array;
  columns: Columns;
}

/** Packs columns by member (every entry has the same column names and types). */
export function packColumns(map: Map<number, Columns>): PackedColumns {
  const members = new Float64Array(map.size);
  const offsets = new Int32Array(map.size + 1);
  let k = 0;
  let total = 0;
  let first: Columns | undefined;
  for (const [id, c] of map) {
    first ??= c;
    members[k] = id;
    total += Object.values(c)[0]!.length;
    offsets[++k] = total;
  }
  const columns: Columns = {};
  for (const name of Object.keys(first ?? {})) {
    const Kind = first![name]!.constructor as new (n: number) => Int32Array | Float64Array | Uint8Array;
    const out = new Kind(total);
    k = 0;
    for (const c of map.values()) out.set(c[name]!, offsets[k++]!);
    columns[name] = out;
  }
  return { members, offsets, columns };
}

/** The map again, each entry's columns views into the packed arrays. */
export function unpackColumns<T>(p: PackedColumns): Map<number, T> {
  const out = new Map<number, T>();
  const names = Object.keys(p.columns);
  for (let k = 0; k < p.members.length; k++) {
    const c: Columns = {};
    for (const name of names) c[name] = p.columns[name]!.subarray(p.offsets[k]!, p.offsets[k + 1]!);
    out.set(p.members[k]!, c as T);
  }
  return out;
}

/** The buffers a packed answer hands over. */
export function packedBuffers(p: Partial<Record<string, PackedColumns>>): ArrayBuffer[] {
  return Object.values(p).flatMap((x) => (x ? [x.members.buffer, x.offsets.buffer, ...Object.values(x.columns).map((c) => c.buffer)] : [])) as ArrayBuffer[];
}

/** The worker's answer to one phase: each job's columns, packed. */
export type WorkerAnswer = { phase: number } & ({ columns: Partial<Record<ColumnJob, PackedColumns>> } | { error: string });

/** Starts the worker when it pays (the shipped bundle, a roster of MIN_MEMBERS or more); undefined otherwise.
 * SHUXIANG_PARALLEL_LOAD=0 never starts it, =1 starts it for any roster (the tests' switch). */
export function startParallelColumns(db: Db, range: Pick<LoadRange, 'from' | 'toExclusive' | 'branchId'>, cite: boolean): ParallelLoad | undefined {
  const setting = process.env.SHUXIANG_PARALLEL_LOAD;
  if (typeof __EVIDENCE_WORKER__ !== 'string' || setting === '0') return undefined;
  if (setting !== '1') {
    const people = db.prepare(`SELECT count(*) FROM members${range.branchId === undefined ? '' : ' WHERE branch_id = ?'}`).pluck().get(...(range.branchId === undefined ? [] : [range.branchId])) as number;
    if (people < MIN_MEMBERS) return undefined;
  }
  // The sign-ins first, answered as soon as they are read (this thread needs them once its own kinds are
  // read; the lectures are among its own: with them here this thread waited ~0.1 s for its answer at organ
  // scale), then the ids to cite (needed only for the self-study rules, judged last).
  const phases: ColumnJob[][] = cite ? [['attendance'], ['studyIds']] : [['attendance']];
  const file = join(dirname(fileURLToPath(import.meta.url)), __EVIDENCE_WORKER__);
  if (!existsSync(file)) return undefined;
  // Another connection's commit changes data_version: unchanged from here to the answer, both threads read the same data.
  const version = () => db.pragma('data_version', { simple: true }) as number;
  const before = version();
  // Required here, not imported: the module brings Node's streams library with it (start-up, issue 18).
  const { MessageChannel, receiveMessageOnPort, Worker: WorkerThread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const signal = new Int32Array(new SharedArrayBuffer(4 * phases.length));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const task: WorkerTask = { path: db.name, range: { from: range.from, toExclusive: range.toExclusive, branchId: range.branchId }, phases, signal, port: port2 };
    worker = new WorkerThread(file, { workerData: task, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  worker.on('error', () => {});
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    port1.close();
    void worker.terminate();
  };
  const inbox = new Map<number, WorkerAnswer>();
  return {
    phases,
    take(phase = 0) {
      if (ended) return undefined;
      // Blocks this thread until the worker has answered the phase (it always does, error or not; a minute at most).
      if (Atomics.wait(signal, phase, 0, 60_000) === 'timed-out') { end(); return undefined; }
      for (let m; !inbox.has(phase) && (m = receiveMessageOnPort(port1));) inbox.set((m.message as WorkerAnswer).phase, m.message as WorkerAnswer);
      const answer = inbox.get(phase);
      inbox.delete(phase);
      if (phase === phases.length - 1) end();
      if (!answer || !('columns' in answer)) { end(); return undefined; }
      if (!planLocked(db) && version() !== before) { end(); return undefined; }
      const out: ParallelColumns = {};
      for (const [job, packed] of Object.entries(answer.columns) as [ColumnJob, PackedColumns][]) out[job] = unpackColumns(packed) as never;
      return out;
    },
    cancel: end,
  };
}
