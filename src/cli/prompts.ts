// Interactive prompts behind a TTY guard: without a terminal, a missing answer is an error naming the
// flag to pass; Ctrl-C becomes CancelledError (exit 130, nothing written).
import { CancelledError, UserError } from '../shared/errors.js';
import type { AppContext } from './context.js';

async function guard<T>(ctx: AppContext, flag: string, ask: (ctxOpt: object) => Promise<T>): Promise<T> {
  if (!ctx.interactive) {
    throw new UserError(`缺少 ${flag}：当前不是交互式终端，无法提问。请在命令中加上 ${flag}。`);
  }
  // No write lock is held while the user thinks: another shuxiang may write meanwhile (the command then
  // starts over on the new data, see store/planLock.ts).
  ctx.releaseLocks();
  let answer: T;
  try {
    answer = await ask({ input: ctx.io.stdin, output: ctx.rawIo.stderr, clearPromptOnDone: false });
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new CancelledError();
    throw e;
  }
  ctx.retakeLocks();
  return answer;
}

/** Every select's key hints in Chinese (inquirer's own are “↑↓ navigate • ⏎ select”). */
const SELECT_THEME = { style: { keysHelpTip: () => '↑↓ 移动 • 回车 确定' } };

export async function askInput(ctx: AppContext, flag: string, message: string, def?: string, validate?: (v: string) => true | string): Promise<string> {
  const { input } = await import('@inquirer/prompts');
  return guard(ctx, flag, (c) => input({ message, default: def, validate: validate ?? ((v) => (v.trim() ? true : '不能为空')) }, c));
}

export async function askSelect<T extends string>(ctx: AppContext, flag: string, message: string, choices: { name: string; value: T; description?: string }[]): Promise<T> {
  const { select } = await import('@inquirer/prompts');
  return guard(ctx, flag, (c) => select<T>({ message, choices, theme: SELECT_THEME }, c));
}

export async function askConfirm(ctx: AppContext, flag: string, message: string, def = false): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return guard(ctx, flag, (c) => confirm({ message, default: def, transformer: (yes: boolean) => (yes ? '是' : '否') }, c));
}

/** A select whose highlighted answer starts at `def` (checkin pre-selects each person's current status). */
export async function askSelectFrom<T extends string>(ctx: AppContext, flag: string, message: string, choices: { name: string; value: T; description?: string }[], def?: T): Promise<T> {
  const { select } = await import('@inquirer/prompts');
  return guard(ctx, flag, (c) => select<T>({ message, choices, default: def, pageSize: Math.min(choices.length, 12), theme: SELECT_THEME }, c));
}

/** A searchable checkbox of people (name or pinyin initials); resolves with the ticked values. */
export async function askPickMembers<V>(
  ctx: AppContext,
  flag: string,
  message: string,
  choices: { value: V; name: string; keys: string; hint?: string; checked?: boolean }[],
): Promise<V[]> {
  const { memberPicker } = await import('./memberPicker.js');
  const rows = (ctx.rawIo.stderr as { rows?: number }).rows ?? 24;
  const pageSize = Math.max(5, Math.min(20, rows - 6));
  return guard(ctx, flag, (c) => memberPicker({ message, choices, pageSize }, c) as Promise<V[]>);
}
