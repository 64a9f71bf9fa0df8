// The checks behind `shuxiang doctor`: each one names what it looked at, what it found and how to fix
// it. Opens the file without migrating it, so a damaged or outdated database can still be examined.
import { existsSync, readdirSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupFolder } from './backup.js';
import { restoreHint } from '../shared/storageFault.js';
import type { Db } from './db.js';
import { openFile, schemaVersion, writable } from './dbConnect.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import { evidenceOutsideRoll, futureDated, impossibleMemberDates, signinsAtOtherSpell, signinsNotExpected } from './doctorData.js';
import { dataTables, q } from './undoTriggers.js';

/** One named check and its findings (empty = passed). */
export interface DoctorCheck {
  id: string;
  title: string;
  problems: string[];
  fix?: string;
}

/** Whether the disk holding `path` has (nearly) no room left: under 64 KiB for an ordinary user. */
function diskFull(path: string): boolean {
  try {
    const fs = statfsSync(dirname(path));
    return fs.bavail * fs.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/** Runs every check on the database file at `path` (as of `today`). */
export function runDoctor(path: string, today: string): DoctorCheck[] {
  const checks: DoctorCheck[] = [permissions(path)];
  // An empty file (0 bytes: a copy cut short, a file made by hand) is no database at all, whatever SQLite
  // makes of it: said as such, not as a database of an old version.
  if (statSync(path).size === 0) {
    checks.unshift({ id: 'integrity', title: '文件完整性', problems: [`${path} 是空文件（0 字节），不是 shuxiang 的数据库（可能是复制中断，或被清空了）`], fix: restoreHint(path) });
    return checks;
  }
  let db: Db;
  try {
    db = openFile(path, !writable(path));
    db.pragma('busy_timeout = 10000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    // On a full disk SQLite cannot make the files it reads through (-shm): the database is not shown to be
    // damaged, and a restore would put an older copy over it. Said as the disk, not the file.
    if (diskFull(path)) {
      checks.unshift({ id: 'integrity', title: '文件完整性', problems: [`数据库所在的磁盘已满，无法打开数据库进行检查（数据库本身不一定有问题）`], fix: '请先清理该磁盘上的空间（删除不需要的文件），再运行 shuxiang doctor；在此之前不要用备份恢复。' });
      return checks;
    }
    checks.unshift({ id: 'integrity', title: '文件完整性', problems: [`无法作为 SQLite 数据库打开：${(e as Error).message}`], fix: restoreHint(path) });
    return checks;
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
    } catch (e) {
      integrity = [`完整性检查无法完成：${(e as Error).message}`];
    }
    checks.unshift({ id: 'integrity', title: '文件完整性（integrity_check）', problems: integrity.slice(0, 20), fix: `数据库文件已损坏。${restoreHint(path)}` });
    // Each later check reads the data: on a damaged file one may fail — that is a finding, not a crash.
    const guarded = (id: string, title: string, run: () => DoctorCheck): DoctorCheck => {
      try {
        return run();
      } catch (e) {
        return { id, title, problems: [`无法完成这项检查：${(e as Error).message}（数据库可能已损坏）`], fix: restoreHint(path) };
      }
    };
    const version = schemaVersion(db);
    checks.push({
      id: 'schema', title: `数据结构版本（本程序：${SCHEMA_VERSION}）`,
      problems: version > SCHEMA_VERSION ? [`数据库的数据结构版本是 ${version}，比本程序新`] : version < SCHEMA_VERSION ? [`数据库的数据结构版本是 ${version}，尚未升级到 ${SCHEMA_VERSION}`] : [],
      fix: version > SCHEMA_VERSION ? '请升级 shuxiang：npm install -g shuxiang@latest' : '运行 shuxiang backup 即可：它先备份，再自动升级数据结构。',
    });
    checks.push(guarded('foreign-keys', '关联完整（foreign_key_check）', () => {
      const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      return {
        id: 'foreign-keys', title: '关联完整（foreign_key_check）',
        problems: fk.slice(0, 20).map((r) => `${r.table} 第 ${r.rowid} 行指向的 ${r.parent} 记录不存在`).concat(fk.length > 20 ? [`……共 ${fk.length} 处`] : []),
        fix: '通常是手工改过数据库文件造成的：用 shuxiang restore 恢复最近的备份，或把这些行的编号告诉维护者。',
      };
    }));
    checks.push(guarded('orphans', '没有孤立的记录', () => orphans(db)));
    checks.push(guarded('member-dates', '人员日期合理', () => ({ id: 'member-dates', title: '人员日期合理', problems: impossibleMemberDates(db, today), fix: '出生年月用 shuxiang member edit 姓名 --birth 日期 改正；入党时间、转正时间请在花名册 Excel 中改好后重新导入（shuxiang import 花名册.xlsx，只更新改了的人）。注意 --from 改的是转入日期，不是入党时间。' })));
    checks.push(guarded('future-dated', '没有把今天以后的事记成已完成', () => ({ id: 'future-dated', title: '没有把今天以后的事记成已完成', problems: futureDated(db, today), fix: '核对这些记录的日期（也可能是电脑日期不对）：记错的用 shuxiang log list --member 姓名 查到编号后 shuxiang log remove 编号 删除再重新登记；签到用 shuxiang checkin 编号 改正。' })));
    checks.push(guarded('signin-spell', '调动的人签到在当天所在的支部', () => ({ id: 'signin-spell', title: '调动的人签到在当天所在的支部', problems: signinsAtOtherSpell(db), fix: '核对调动日期（shuxiang member show 姓名）；日期登记错了用 shuxiang member edit 姓名 --move-to 支部 --from 日期 改正，签错了的可用 shuxiang undo 撤销那次签到。' })));
    checks.push(guarded('signin-expected', '签到的人都在应到名单上', () => ({ id: 'signin-expected', title: '签到的人都在应到名单上', problems: signinsNotExpected(db), fix: '如这些人确应参加，用 shuxiang session edit 编号 --attendees 把他们加入应到名单；签错了的，可用 shuxiang undo 撤销那次签到或导入。' })));
    checks.push(guarded('evidence-on-roll', '学习记录都在在册期间内', () => ({ id: 'evidence-on-roll', title: '学习记录都在在册期间内', problems: evidenceOutsideRoll(db), fix: '核对记录日期，或用 shuxiang member edit 姓名 --from 日期 改正转入日期；记错的记录可用 shuxiang log remove 删除。' })));
  } finally {
    db.close();
  }
  return checks;
}

function permissions(path: string): DoctorCheck {
  const files = [path, `${path}-wal`, `${path}-shm`].filter((f) => existsSync(f));
  const folder = backupFolder(path);
  if (existsSync(folder)) for (const f of readdirSync(folder)) if (f.endsWith('.db')) files.push(join(folder, f));
  const loose = files.filter((f) => (statSync(f).mode & 0o077) !== 0);
  return {
    id: 'permissions', title: '文件权限（含身份证号等个人信息，应为 0600）',
    problems: loose.map((f) => `${f === path ? basename(f) : f} 的权限是 ${(statSync(f).mode & 0o777).toString(8).padStart(4, '0')}，其他人也能读取`),
    fix: `运行 chmod 600 ${loose.map((f) => JSON.stringify(f)).join(' ') || '文件'}`,
  };
}

function orphans(db: Db): DoctorCheck {
  const problems: string[] = [];
  const hasBatches = !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'batches'").get();
  if (hasBatches) {
    for (const t of dataTables(db)) {
      if (!t.hasBatchId) continue;
      const n = (db.prepare(`SELECT count(*) AS n FROM ${q(t.name)} WHERE batch_id IS NOT NULL AND batch_id NOT IN (SELECT id FROM batches)`).get() as { n: number }).n;
      if (n) problems.push(`${t.name} 有 ${n} 行的写入记录（batch_id）不存在`);
    }
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'undo_log'").get()) {
      const n = (db.prepare('SELECT count(*) AS n FROM undo_log WHERE batch_id NOT IN (SELECT id FROM batches)').get() as { n: number }).n;
      if (n) problems.push(`撤销日志中有 ${n} 条属于已不存在的写入记录`);
    }
  }
  return { id: 'orphans', title: '没有孤立的记录', problems, fix: '这些行不影响统计，但无法用 undo 撤销；可用 shuxiang backup 备份后继续使用，或把情况告诉维护者。' };
}
