// stdout failing to take the output — redirected to a full disk (`shuxiang --json audit > 结果.json`), to
// /dev/full, to a device that errs — said in Chinese with what to do, exit 2 as for any output path
// (SPEC: Faults). A reader that has gone (EPIPE) is not a fault: the writers end the run quietly.
import { UserError } from '../shared/errors.js';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** The error of a failed write to stdout, as the user is to read it. */
export function outputFault(e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const technical = (e as Error)?.message;
  if (code && FULL.has(code)) {
    return new UserError('无法写出结果：输出重定向到的磁盘空间不足，写出的内容不完整。', ['请清理磁盘空间后重试，或把输出重定向到另一块磁盘上的文件。'], technical);
  }
  return new UserError(`无法写出结果：写入标准输出出错（${code ?? '未知错误'}），写出的内容不完整。`, ['请检查输出重定向到的文件或设备后重试。'], technical);
}
