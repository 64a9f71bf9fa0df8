// Large machine output (an organ's `audit --json` is ~80 MB) written by a second thread: this one makes
// the text piece by piece and hands each over; the other encodes it and writes it to the descriptor, so
// the writing (≈ 0.3 s of 80 MB into a socket) runs alongside the making instead of after it. At most a
// few pieces wait at a time (memory stays flat: a slow reader slows the maker); `end()` returns once every
// byte is written. A reader that has gone (EPIPE) is the caller's onClosed, as for the plain writer; any
// other error of the write is thrown (outputFault.ts) by the next write() or end().
import type { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { outputFault } from './outputFault.js';

/** A writer of many pieces of text, then end(). */
export interface BulkOut {
  /** Text, or bytes (UTF-8 text already; copied to the thread). */
  write(text: string | Uint8Array): void;
  end(): void;
}

/** Pieces handed over and not yet written before the maker waits. */
const IN_FLIGHT = 8;

// Slots of the shared signal: pieces written, state (0 running, 1 reader gone, 2 failed), ended.
const WRITTEN = 0;
const STATE = 1;
const ENDED = 2;

/** The writing thread: each message a piece of text or bytes (null: no more), written whole to workerData.fd. */
const WRITER = `
const { workerData, parentPort } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { fd, signal, port } = workerData;
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
parentPort.on('message', (text) => {
  if (text === null) { Atomics.store(signal, ${ENDED}, 1); Atomics.notify(signal, ${ENDED}); port.close(); parentPort.close(); return; }
  if (Atomics.load(signal, ${STATE}) === 0) {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    let at = 0;
    while (at < bytes.length) {
      try { at += writeSync(fd, bytes, at, bytes.length - at); }
      catch (e) {
        if (e.code === 'EAGAIN') { pause(1); continue; }
        Atomics.store(signal, ${STATE}, e.code === 'EPIPE' ? 1 : 2);
        port.postMessage({ code: e.code, message: e.message });
        break;
      }
    }
  }
  Atomics.add(signal, ${WRITTEN}, 1);
  Atomics.notify(signal, ${WRITTEN});
});
`;

/** A second thread writing to `fd`, or undefined when one cannot be started (the caller writes itself). */
export function bulkOut(fd: number, onClosed: () => void): BulkOut | undefined {
  const { MessageChannel, Worker: WorkerThread, receiveMessageOnPort } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const signal = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new WorkerThread(WRITER, { eval: true, workerData: { fd, signal, port: port2 }, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  let sent = 0;
  let done = false;
  const check = () => {
    const state = Atomics.load(signal, STATE);
    if (state === 0) return;
    if (!done) { done = true; void worker.terminate(); }
    if (state === 1) { onClosed(); return; }
    // The write's own error, said as the plain writer says it (ENOSPC: a full disk, and so on).
    throw outputFault(receiveMessageOnPort(port1)?.message);
  };
  /** Waits until at most `pending` pieces are still to be written. */
  const drain = (pending: number) => {
    for (;;) {
      const written = Atomics.load(signal, WRITTEN);
      if (sent - written <= pending || Atomics.load(signal, STATE) !== 0) return;
      Atomics.wait(signal, WRITTEN, written, 1000);
    }
  };
  return {
    write(text) {
      check();
      if (done || text.length === 0) return;
      drain(IN_FLIGHT - 1);
      check();
      worker.postMessage(text);
      sent++;
    },
    end() {
      check();
      if (done) return;
      worker.postMessage(null);
      // The end is marked once every piece before it has been written (the thread takes them in order).
      while (Atomics.load(signal, ENDED) === 0 && Atomics.load(signal, STATE) === 0) Atomics.wait(signal, ENDED, 0, 1000);
      check();
      done = true;
    },
  };
}
