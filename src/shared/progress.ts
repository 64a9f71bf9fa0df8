// What a long-running use case says about how far it has got: plain events, no terminal. The CLI draws
// them (src/cli/progress.ts); everything else ignores them.

/** One step of a long run: a stage (判定、工作表、Word), and for row-by-row work how many rows so far. */
export interface ProgressEvent {
  stage: string;
  done?: number;
  total?: number;
  /** What is counted (行、人). */
  unit?: string;
}

/** Receives progress events; use cases take one as an optional argument. */
export type OnProgress = (event: ProgressEvent) => void;

/** The listener to use when nobody is watching. */
export const noProgress: OnProgress = () => {};
