// stdout failing to take the output — redirected to a full disk (`shuxiang --json audit > 结果.json`), to
// /dev/full, to a device that errs — said in Chinese with what to do, exit 2 as for any output path
// (SPEC: Faults). A reader that has gone (EPIPE) is not a fault: the writers end the run quietly.
import { UserError } from '../shared/errors.js';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** stdout could not take the output. */
export class OutputFault extends UserError {}

/** The fault said again for a run that had already saved `saved` writes: they are kept, and must not be
 * entered again (retrying as the message says would write them twice). */
export function afterSaved(f: OutputFault, saved: number, done: string[] = []): UserError {
  // An undo or a restore lowers the batches instead of adding one: said as what it did (`done`).
  if (done.length) {
    return new UserError(f.message.replace(/。$/, '') + `；但${done.join('，')}，不要重复执行。`, [
      '可运行 shuxiang history 查看现在的写入记录。', ...f.details.filter((h) => !h.includes('重试')),
    ], f.technical);
  }
  return new UserError(f.message.replace(/。$/, '') + `；但本次的修改已经保存（${saved} 次写入），不要重复录入。`, [
    '可运行 shuxiang history 查看刚才保存的写入；如确实不要，可用 shuxiang undo 撤销。', ...f.details.filter((h) => !h.includes('重试')),
  ], f.technical);
}

/** The error of a failed write to stdout, as the user is to read it. */
export function outputFault(e: unknown): OutputFault {
  const code = (e as NodeJS.ErrnoException)?.code;
  const technical = (e as Error)?.message;
  if (code && FULL.has(code)) {
    return new OutputFault('无法写出结果：输出重定向到的磁盘空间不足，写出的内容不完整。', ['请清理磁盘空间后重试，或把输出重定向到另一块磁盘上的文件。'], technical);
  }
  return new OutputFault(`无法写出结果：写入标准输出出错（${code ?? '未知错误'}），写出的内容不完整。`, ['请检查输出重定向到的文件或设备后重试。'], technical);
}
