// `shuxiang import --kind ledger FILE...` and `--kind books FILE` (issue 4).
import { UserError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import type { ImportOptions } from './import.js';

export async function importLedger(_ctx: AppContext, _files: string[], _opts: ImportOptions): Promise<void> {
  throw new UserError('学习台账导入尚未实现。');
}

export async function importBooks(_ctx: AppContext, _files: string[], _opts: ImportOptions): Promise<void> {
  throw new UserError('书目导入尚未实现。');
}
