// `shuxiang import --kind signin FILE`: reads a filled-in sign-in sheet back (issue 3).
import { UserError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import type { ImportOptions } from './import.js';

export async function importSignin(_ctx: AppContext, _files: string[], _opts: ImportOptions): Promise<void> {
  throw new UserError('签到表导入尚未实现。');
}
