// The advice for a read-only database names its -wal and -shm files too (hunt 2026-12-04): SQLite makes
// them with the database's own mode, so after a read of a chmod 400 file they are read-only as well, and a
// chmod of the database alone left every later write refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOnlyDatabase } from '../../src/shared/storageFault.js';
import { tempDir } from '../helpers/cli.js';

describe('readOnlyDatabase', () => {
  it('names the database and the -wal/-shm files beside it in the chmod it advises', () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = join(dir, 's.db');
      writeFileSync(db, '');
      expect(readOnlyDatabase(db).details.join('\n')).toContain(`chmod 600 ${db} 恢复文件的写权限`);
      writeFileSync(`${db}-wal`, '');
      writeFileSync(`${db}-shm`, '');
      expect(readOnlyDatabase(db).details.join('\n')).toContain(`chmod 600 ${db} ${db}-wal ${db}-shm 恢复这些文件的写权限`);
    } finally {
      cleanup();
    }
  });
});
