// AppContext: everything a command may touch of the outside world, so tests can run it in-process.
import { isAbsolute, resolve } from 'node:path';
import type { Db, OpenOptions } from '../store/dbConnect.js';
import { nowStamp, today } from '../shared/clock.js';
import { painter, useColour, type Paint } from '../shared/colour.js';
import { maskJsonText, maskPersonalData, PersonalDataFilter } from '../domain/pii.js';
import type { ProgressEvent } from '../shared/progress.js';
import type { BulkOut } from './bulkOut.js';
import { hasLongBytes, hasLongList, writeJson } from './jsonText.js';
import { progressFor, type ProgressLine } from './progress.js';
import { lastBatchId } from '../store/batches.js';
import { closeDb, connect, CURRENT_SCHEMA, schemaVersion, writable } from '../store/dbConnect.js';
import { endPlanLock, holdPlanLock, releasePlanLock, retakePlanLock } from '../store/planLock.js';
import { ensureUndoTriggers } from '../store/undoTriggers.js';

export interface OutStream {
  write(s: string): unknown;
  /** Bytes as they are (UTF-8 text already); without it, bytes are decoded and written as text. */
  writeBytes?(b: Uint8Array): unknown;
  isTTY?: boolean;
  /** A second thread to write a large output through (the real process's stdout, not a terminal; bulkOut.ts). */
  bulk?(): BulkOut | undefined;
}

export interface AppIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** A command's --reveal: full ID and phone numbers in what it prints. */
  reveal?: boolean;
}

/** A stream whose text passes the personal-data filter (everything else — isTTY, columns… — is the
 * stream's own), and the function that writes out what the filter still holds. */
function maskedStream<S extends OutStream>(stream: S): { stream: S; flush: () => void } {
  const filter = new PersonalDataFilter();
  const raw = (text: string, rest: unknown[] = []) => (stream.write as (...a: unknown[]) => unknown).call(stream, text, ...rest);
  const write = (s: unknown, ...rest: unknown[]) => {
    if (typeof s !== 'string') return raw(s as string, rest);
    const text = filter.push(s);
    return text ? raw(text, rest) : true;
  };
  const proxy = new Proxy(stream, {
    get(target, prop) {
      if (prop === 'write') return write;
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { stream: proxy, flush: () => { const rest = filter.flush(); if (rest) raw(rest); } };
}

export class AppContext {
  readonly json: boolean;
  readonly colour: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Colours text when the output takes colour; a plain function, so it can be handed to a renderer. */
  readonly paint: Paint;
  private opened: Db[] = [];
  /** The last batch of each writable connection when it was opened (see savedBatches). */
  private batchAtOpen = new Map<Db, number>();
  /** What savedBatches counted for the connections already closed. */
  private savedAtClose = 0;
  private progressLine?: ProgressLine;
  /** What commands write to: stdout and stderr pass the personal-data filter unless --reveal. */
  readonly io: AppIo;
  private flushers: (() => void)[] = [];
  /** Writes out what stdout's personal-data filter still holds (before JSON goes out past it). */
  private flushOut?: () => void;

  constructor(
    /** The process's own streams, for prompts (they echo typing, so they must not be held back). */
    readonly rawIo: AppIo,
    readonly globals: GlobalOptions,
  ) {
    const io = rawIo;
    // Masked at the source: no command can forget it, chunked JSON included (a number cut between two
    // writes is held back until its end is seen).
    if (globals.reveal) this.io = io;
    else {
      const out = maskedStream(io.stdout);
      const err = maskedStream(io.stderr);
      this.flushers = [out.flush, err.flush];
      this.flushOut = out.flush;
      this.io = { stdout: out.stream, stderr: err.stream, env: io.env, cwd: io.cwd, get stdin() { return io.stdin; } };
    }
    this.json = !!globals.json;
    this.quiet = !!globals.quiet;
    this.verbose = !!globals.verbose;
    this.colour = useColour({ noColorFlag: globals.color === false, json: this.json, isTTY: !!io.stdout.isTTY, env: io.env });
    this.paint = painter(this.colour);
  }

  /** Prompts are allowed only when both ends are a terminal (stdin is looked at only when asked: opening it costs start-up time). */
  get interactive(): boolean {
    return !!this.io.stderr.isTTY && this.io.env.SHUXIANG_NO_PROMPT !== '1' && !!this.io.stdin.isTTY;
  }

  get env(): NodeJS.ProcessEnv {
    return this.io.env;
  }

  today(): string {
    return today(this.io.env);
  }

  nowStamp(): string {
    return nowStamp(this.io.env);
  }

  /** A user-given path, resolved against the working directory. */
  path(p: string): string {
    return isAbsolute(p) ? p : resolve(this.io.cwd, p);
  }

  dbPath(): string {
    return this.path(this.globals.db ?? this.io.env.SHUXIANG_DB ?? 'shuxiang.db');
  }

  /** Opens the database (the migrations only when the file needs them; SQLite is loaded with this module, which
   * programBase.ts imports only when a command runs, so --help stays fast).
   * A writable connection holds the write lock from here on (store/planLock.ts): what the command reads
   * to plan its write is read inside the write transaction. One writable connection per file and command. */
  async openDb(opts: OpenOptions & { at?: string } = {}): Promise<Db> {
    // `at`: another file than --db (init builds the new database beside it, then puts it in place).
    const path = opts.at ?? this.dbPath();
    if (!opts.readonly) {
      const mine = this.opened.find((d) => d.open && !d.readonly && d.name === path);
      if (mine) return mine;
    }
    const fault = this.io.env.SHUXIANG_FAULT_MAX_PAGES;
    const wait = this.io.env.SHUXIANG_BUSY_TIMEOUT_MS;
    const connectOpts = { ...opts, ...(fault ? { maxExtraPages: Number(fault) } : {}), ...(wait && Number.isFinite(Number(wait)) ? { busyTimeoutMs: Number(wait) } : {}) };
    let db = connect(path, connectOpts);
    // A reading command on a file behind the schema: migrated first on a connection of its own (when the
    // file can be written), then read as ever, without holding the write lock.
    if (opts.readonly && schemaVersion(db) < CURRENT_SCHEMA && writable(path)) {
      db.close();
      const { finishOpen } = await import('../store/db.js');
      closeDb(finishOpen(connect(path, { ...connectOpts, readonly: false }), path));
      db = connect(path, connectOpts);
    }
    this.opened.push(db);
    if (schemaVersion(db) !== CURRENT_SCHEMA) {
      // Lazy: store/db.ts pulls in every migration, which only a file behind the current schema needs.
      (await import('../store/db.js')).finishOpen(db, path, opts);
    } else if (!db.readonly) {
      ensureUndoTriggers(db);
    }
    if (!db.readonly) {
      this.batchAtOpen.set(db, lastBatchId(db) ?? 0);
      holdPlanLock(db);
    }
    return db;
  }

  /** Shows how far a long run has got (stderr, on a terminal only; see progress.ts); any other output clears it. */
  progress(event: ProgressEvent): void {
    // SHUXIANG_PROGRESS_DELAY_MS: how long a run is quiet before counts show (tests set 0).
    const delay = this.io.env.SHUXIANG_PROGRESS_DELAY_MS;
    this.progressLine ??= progressFor(this.rawIo.stderr, this, delay !== undefined && delay !== '' ? { delayMs: Number(delay) } : {});
    this.progressLine.report(event);
  }

  /** Clears the progress line, if one is showing (before any other output, and when the run ends). */
  endProgress(): void {
    this.progressLine?.done();
  }

  /** Before a prompt: the write lock is let go while the user thinks. */
  releaseLocks(): void {
    for (const db of this.opened) if (db.open) releasePlanLock(db);
  }

  /** After a prompt: the lock taken back (StalePlan when someone else wrote meanwhile: main.ts starts over). */
  retakeLocks(): void {
    for (const db of this.opened) if (db.open) retakePlanLock(db);
  }

  /** Writes out what the personal-data filters still hold (the end of the last line). */
  flush(): void {
    for (const f of this.flushers) f();
  }

  /** What this run has done that is not a new batch (an undo, a restore), said if its output then fails. */
  readonly done: string[] = [];

  /** Notes something done that savedBatches does not count (see done). */
  noteDone(what: string): void {
    this.done.push(what);
  }

  /** How many writes (batches) this run has committed so far: an error after them must not read as if
   * nothing was saved (the output failing after a `session add`, say). */
  savedBatches(): number {
    let n = this.savedAtClose;
    for (const [db, at] of this.batchAtOpen) if (db.open) n += Math.max(0, (lastBatchId(db) ?? 0) - at);
    return n;
  }

  /** Closes every connection; `commit` = the command succeeded (a failed one leaves nothing behind). */
  closeAll(commit = true): void {
    this.endProgress();
    this.flush();
    // Read-only connections first: the last connection to close checkpoints the WAL into the main file
    // and removes shuxiang.db-wal, so a copied shuxiang.db is complete — a read-only one cannot.
    const order = [...this.opened.filter((d) => d.readonly), ...this.opened.filter((d) => !d.readonly)];
    try {
      this.savedAtClose = this.savedBatches();
    } catch {
      // a connection that cannot be read any more (a storage fault): nothing more to count
    }
    this.batchAtOpen.clear();
    for (const db of order) {
      try {
        endPlanLock(db, commit);
      } finally {
        closeDb(db);
      }
    }
    this.opened = [];
  }

  /** Result text for stdout. */
  out(text: string): void {
    this.endProgress();
    this.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  /** Machine output: JSON on stdout and nothing else. `compact`: without indentation when stdout is not a
   * terminal (an organ's audit is ~10⁶ lines of indentation otherwise). */
  outJson(data: unknown, o: { compact?: boolean } = {}): void {
    this.endProgress();
    const space = o.compact && this.jsonCompact() ? 0 : 2;
    // Masked as JSON (maskJsonText: a phone-like number becomes a masked string, not invalid JSON), so past
    // the text filter: what it still holds is written first. writeJson's pieces each start outside a string.
    if (!this.globals.reveal) this.flushOut?.();
    const raw = this.rawIo.stdout;
    // Compact and large (an organ's audit): written on a second thread while the rest is made.
    // (Bytes already made go straight to a descriptor written synchronously — a file, a pipe — and through the
    // second thread otherwise: Node's own stream to a socket could still hold them when the run ends.)
    const bulk = space === 0 && (hasLongList(data) || (hasLongBytes(data) && !raw.writeBytes)) ? raw.bulk?.() : undefined;
    const bytes = (b: Uint8Array) => (raw.writeBytes ? raw.writeBytes(b) : raw.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8')));
    writeJson(bulk ? (s) => bulk.write(s) : (s) => (typeof s === 'string' ? raw.write(s) : bytes(s)), data, space, this.globals.reveal ? undefined : maskJsonText);
    bulk?.end();
  }

  /** Whether outJson(…, {compact: true}) writes without indentation (stdout is not a terminal). */
  jsonCompact(): boolean {
    return !this.io.stdout.isTTY;
  }

  /** What outJson masks its text with (JSON text in, JSON text out): personal numbers, unless --reveal. */
  jsonMask(): (json: string) => string {
    return this.globals.reveal ? (s) => s : maskJsonText;
  }

  /** A message for the user on stderr (silenced by -q). */
  info(text: string): void {
    this.endProgress();
    if (!this.quiet) this.io.stderr.write(maskPersonalData(text.endsWith('\n') ? text : text + '\n'));
  }

  /** Warnings quote what the user typed or a cell held: personal numbers in them are always masked. */
  warn(text: string): void {
    this.endProgress();
    this.io.stderr.write(`${this.paint('yellow', '提示')}：${maskPersonalData(text)}\n`);
  }
}
