// The whole program, every command registered, in help order. The command list itself lives once, in
// commandIndex.ts; the binary goes through it command by command, tests walk this full registry.
import type { Command } from 'commander';
import { COMMANDS } from './commandIndex.js';
import type { AppContext, AppIo } from './context.js';
import { baseProgram, translateCommanderError, type Act } from './programBase.js';

export { translateCommanderError };
export type { Act };

/** The whole program with every command registered (each command module loaded). */
export async function buildProgram(io: AppIo, state: { ctx?: AppContext }): Promise<Command> {
  const { program, act } = baseProgram(io, state);
  for (const entry of COMMANDS) (await entry.load())(program, act);
  return program;
}
