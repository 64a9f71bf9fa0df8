// What `backup` and `restore` say about a backup file.

/** The facts of a backup the messages quote. */
export interface ShownBackup {
  members: number;
  batches: number;
  bytes?: number;
  lastBatchAt?: string;
}

/** After a backup: size and how to restore it. */
export function backupDetails(file: string, info: ShownBackup & { bytes: number }): string {
  return `  ${info.members} 名人员，${info.batches} 次写入记录，${(info.bytes / 1024).toFixed(0)} KB；文件权限 0600（仅本人可读写）。\n  恢复：shuxiang restore ${file}`;
}

/** “14 名人员，23 次写入记录，最后一次写入于 …”: what a backup holds. */
export function backupSummary(info: ShownBackup): string {
  return `${info.members} 名人员，${info.batches} 次写入记录${info.lastBatchAt ? `，最后一次写入于 ${info.lastBatchAt.replace('T', ' ')}` : ''}`;
}
