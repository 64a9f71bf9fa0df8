// The one progress line of a long run (imports, report, rank): on stderr, only when stderr is a terminal
// and neither --json nor -q is given, redrawn in place and cleared when the run ends, so it never shows up
// in a pipe, a log file or a JSON document. Drawing happens when the run reports (no timer), so it costs
// nothing when nobody is watching and leaves nothing running.
import type { ProgressEvent, OnProgress } from '../shared/progress.js';
import { clipDisplay } from '../shared/width.js';

/** A stream that may be a terminal, and then says how wide it is. */
export interface TtyStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Counts are shown only once the run has taken this long (a quick import stays silent). */
  delayMs?: number;
  /** At most one redraw per this many milliseconds. */
  intervalMs?: number;
  now?: () => number;
}

/** A progress line: `report` draws an event, `done` clears the line (call it before any other output). */
export interface ProgressLine {
  report: OnProgress;
  done(): void;
}

const CLEAR = '\r\u001b[K';

/** The text of one event: `判定…`, `导入花名册：已读 1200 行`, `写入：300 / 1200 行`. */
export function progressText(e: ProgressEvent): string {
  if (e.done === undefined) return `${e.stage}…`;
  const count = e.total === undefined ? `${e.done}` : `${e.done} / ${e.total}`;
  return `${e.stage}：${count}${e.unit ? ` ${e.unit}` : ''}`;
}

/** A progress line on `stream`; with `enabled` false, one that does nothing. */
export function progressLine(stream: TtyStream, enabled: boolean, o: ProgressOptions = {}): ProgressLine {
  if (!enabled) return { report: () => {}, done: () => {} };
  const now = o.now ?? Date.now;
  const delay = o.delayMs ?? 1000;
  const interval = o.intervalMs ?? 100;
  const started = now();
  let drawn = false;
  let lastDraw = -Infinity;
  let lastStage = '';
  return {
    report(e) {
      const t = now();
      const newStage = e.stage !== lastStage;
      lastStage = e.stage;
      // A new stage is shown at once (it may be a long silent step); counts only after the delay, throttled.
      if (e.done !== undefined && (t - started < delay || (!newStage && t - lastDraw < interval))) return;
      const width = Math.max(10, (stream.columns ?? 80) - 1);
      // Cut to the width: a wrapped line could not be erased by `\r`.
      stream.write(CLEAR + clipDisplay(progressText(e), width));
      drawn = true;
      lastDraw = t;
    },
    done() {
      if (drawn) stream.write(CLEAR);
      drawn = false;
    },
  };
}

/** The progress line for a command: on stderr, when it is a terminal and the output is for a person (no --json, no -q). */
export function progressFor(stderr: TtyStream, mode: { json: boolean; quiet: boolean }, o: ProgressOptions = {}): ProgressLine {
  return progressLine(stderr, !!stderr.isTTY && !mode.json && !mode.quiet, o);
}
