// `import --kind ledger`: members' personal study ledgers (self-study, lectures, books, essays …), many
// files at once. Two steps because the CLI writes the rejects workbooks in between: readLedgers reads and
// checks every file (refusing on any problem unless --skip-invalid); writeLedgers records every accepted
// row in one batch (rolled back under --dry-run). The same ledger imported twice adds nothing.
import { basename } from 'node:path';
import { EVIDENCE_KINDS, type EvidenceKindId } from '../../domain/evidenceKinds.js';
import { writeEvidence, type WriteOutcome } from '../../store/evidenceWrite.js';
import type { Db } from '../../store/db.js';
import { listMembers } from '../../store/members.js';
import { writeOrPreview, type ImportHooks } from './batch.js';
import { readSheetsChecked, type SheetsRead } from './readSheets.js';

export interface LedgerInput {
  /** The files (folders already expanded, src/app/imports/readSheets.ts expandInputs). */
  paths: string[];
  /** Only members of this branch are matched (checked to exist by the caller). */
  branch?: string;
  skipInvalid?: boolean;
  /** --sheet: read only this sheet of each file (a hidden one too). */
  sheet?: string;
}

/** Every file read and checked; warnings go to `hooks.warn` first, then problems refuse (unless skipInvalid). */
export async function readLedgers(db: Db, input: LedgerInput, today: string, hooks: ImportHooks = {}): Promise<SheetsRead> {
  return readSheetsChecked(input.paths, EVIDENCE_KINDS, listMembers(db, { branch: input.branch?.trim() }), { noun: '台账文件', skipInvalid: input.skipInvalid, sheet: input.sheet }, today, hooks);
}

export interface LedgerResult {
  dryRun: boolean;
  read: SheetsRead;
  outcome: WriteOutcome;
  /** Rows rejected (with --skip-invalid), over all files. */
  rejected: number;
}

/** Records the accepted rows as one batch stamped `now` (rolled back after counting when `dryRun`). */
export function writeLedgers(db: Db, read: SheetsRead, input: { paths: string[]; dryRun?: boolean }, now: string, hooks: ImportHooks = {}): LedgerResult {
  const total = read.items.length;
  const onRow = (n: number) => {
    hooks.onRow?.(n);
    hooks.progress?.({ stage: '写入', done: n, total, unit: '条' });
  };
  const items = read.items.map((i) => ({ kind: i.spec.id as EvidenceKindId, memberId: i.memberId, values: i.values }));
  const outcome = writeOrPreview(db, input.dryRun, { command: 'import ledger', args: input.paths.map((p) => basename(p)).join(' ') }, now, (batchId, counts) =>
    writeEvidence(db, items, batchId, counts, { onRow }));
  const rejected = read.files.reduce((n, f) => n + f.rejects.reduce((m, r) => m + r.rejects.length, 0), 0);
  return { dryRun: !!input.dryRun, read, outcome, rejected };
}
