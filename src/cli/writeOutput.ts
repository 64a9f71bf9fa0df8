// Every file a command writes, one way (issue 16): through the atomic writer (0600 temp file, fsync,
// rename), under the one overwrite rule — a file the user named is never replaced without --force; a
// default name that is taken becomes the next free number (`2026年度学习台账（2）.xlsx`), said on stderr.
import type { AppContext } from './context.js';
import { chooseOutput, takenNote } from '../io/outputFile.js';
import { writeAtomically } from '../io/atomicWrite.js';

/** Where to write and how: `named` = the user gave the name; `flag` names the option for the message. */
export interface OutputSpec {
  file: string;
  named: boolean;
  force?: boolean;
  flag?: string;
}

/** Writes through `write(tmp)`; returns the file written (the default name or its next free number). */
export async function writeOutput(ctx: AppContext, spec: OutputSpec, write: (tmp: string) => Promise<void>): Promise<string> {
  const choice = chooseOutput(spec.file, spec);
  await writeAtomically(choice.file, write, { replace: choice.replace });
  const note = takenNote(choice);
  if (note) ctx.info(note);
  return choice.file;
}
