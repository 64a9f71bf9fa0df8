// AppContext: everything a command may touch of the outside world, so tests can run it in-process.
import { isAbsolute, resolve } from 'node:path';
import type { Db, OpenOptions } from '../store/dbConnect.js';
import { nowStamp, today } from '../shared/clock.js';
import { painter, useColour, type Paint } from '../shared/colour.js';
import { maskPersonalData } from '../domain/pii.js';
import { writeJson } from './jsonText.js';

export interface OutStream {
  write(s: string): unknown;
  isTTY?: boolean;
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
}

export class AppContext {
  readonly json: boolean;
  readonly colour: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Colours text when the output takes colour; a plain function, so it can be handed to a renderer. */
  readonly paint: Paint;
  private opened: Db[] = [];

  constructor(readonly io: AppIo, readonly globals: GlobalOptions) {
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

  /** Opens the database (loading SQLite only now, so --help stays fast; the migrations only when the file needs them). */
  async openDb(opts: OpenOptions = {}): Promise<Db> {
    const { connect, CURRENT_SCHEMA, schemaVersion } = await import('../store/dbConnect.js');
    const path = this.dbPath();
    const db = connect(path, opts);
    this.opened.push(db);
    if (schemaVersion(db) !== CURRENT_SCHEMA) {
      (await import('../store/db.js')).finishOpen(db, path, opts);
    } else if (!opts.readonly) {
      (await import('../store/undoTriggers.js')).ensureUndoTriggers(db);
    }
    return db;
  }

  closeAll(): void {
    // Read-only connections first: the last connection to close checkpoints the WAL into the main file
    // and removes shuxiang.db-wal, so a copied shuxiang.db is complete — a read-only one cannot.
    const order = [...this.opened.filter((d) => d.readonly), ...this.opened.filter((d) => !d.readonly)];
    for (const db of order) if (db.open) db.close();
    this.opened = [];
  }

  /** Result text for stdout. */
  out(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  /** Machine output: JSON on stdout and nothing else. */
  outJson(data: unknown): void {
    writeJson((s) => this.io.stdout.write(s), data);
  }

  /** A message for the user on stderr (silenced by -q). */
  info(text: string): void {
    if (!this.quiet) this.io.stderr.write(maskPersonalData(text.endsWith('\n') ? text : text + '\n'));
  }

  /** Warnings quote what the user typed or a cell held: personal numbers in them are always masked. */
  warn(text: string): void {
    this.io.stderr.write(`${this.paint('yellow', '提示')}：${maskPersonalData(text)}\n`);
  }
}
