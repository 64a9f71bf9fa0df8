// Writing an output file whole or not at all: the writer fills a temporary file beside the target,
// which is renamed over it only when complete — a crash or a full disk never leaves half a report.
// Every output is owner-only (0600): it holds people's names and study records.
import { chmodSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../shared/errors.js';

/** Runs `write(tmp)` and renames tmp to `file`; file-system errors become messages a user can act on. */
export async function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    chmodSync(tmp, 0o600); // reports carry names (and, with --reveal, ID and phone numbers)
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EACCES' || code === 'EPERM') {
      throw new UserError(`无法写入 ${file}：文件可能正在 Excel/WPS/Word 中打开，或没有写权限。`, ['请关闭该文件后重试，或换一个文件名。']);
    }
    if (code === 'ENOENT') throw new UserError(`无法写入 ${file}：所在文件夹不存在。`, ['请先建好文件夹，或换一个路径。']);
    if (code === 'ENOSPC') throw new UserError(`无法写入 ${file}：磁盘空间不足。`);
    throw e;
  }
}
