// `shuxiang import FILE`: rosters (default) and, with --kind, the other sheets. Reads everything,
// validates everything, then writes in one transaction — or writes nothing and lists every problem. This
// file declares the command; each kind is a file beside it, its work a use case in src/app/imports.
import type { Command } from 'commander';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import type { ImportOptions } from '../../importing/options.js';
import { withAutoBackup } from './backup.js';
import { importJsonFiles } from './json.js';
import { importPlanKind } from './plan.js';
import { importRoster } from './roster.js';

const KINDS = ['roster', 'signin', 'ledger', 'books', 'plan', 'json', 'db'];

export function registerImport(program: Command, act: Act): void {
  program
    .command('import')
    .description('从 Excel/CSV 导入：花名册（默认）、签到表、学习台账等')
    .argument('<文件...>', '表格文件（.xlsx、.xls、WPS .et、.ods 或 .csv）')
    .option('--kind <类型>', '文件类型：roster 花名册（默认）、signin 签到表、ledger 个人学习台账（可一次给多个文件）、books 书目、plan 年度学习计划、json 由 shuxiang export 导出的整库数据（可一次给多个，如 各支部/*.json）、db 支部的 shuxiang 数据库文件')
    .option('--sheet <工作表>', '指定工作表名称（默认自动找出花名册所在的表）')
    .option('--branch <支部>', '表中没有“所在支部”列时，这些人属于哪个支部（默认为 init 时的支部；须是已有的支部）')
    .option('--new-branch', '--branch 写的是一个新支部：确认新建它')
    .option('--dry-run', '只显示将会新增、修改哪些人，不写入')
    .option('--skip-invalid', '跳过有问题的行，导入其余的行；有问题的行写到“原文件名.rejects.xlsx”')
    .option('--sync', '名单里没有的人（同一支部）标记为今天转出；会先确认')
    .option('-y, --yes', '不再询问确认（用于 --sync）')
    .option('--force', '--kind json/db：文件比数据库中已有的同一支部的数据更旧时也导入（替换为文件中的数据）')
    .option('--no-backup', '导入前不自动备份数据库（默认备份到数据库旁的 shuxiang-backups 文件夹，保留最近 10 份）')
    .addHelpText('after', `
示例：
  shuxiang import 花名册.xlsx
  shuxiang import 花名册.xlsx --dry-run             先看看会改动什么
  shuxiang import 花名册.xlsx --skip-invalid        有问题的行另存，其余照常导入
  shuxiang import 新花名册.xlsx --sync --yes        以新名单为准，名单外的人标记为转出
  shuxiang import 党员名单.csv --branch 机关第二党支部
  shuxiang import --kind signin 签到表_2026-03-10.xlsx
  shuxiang import --kind json 各支部/*.json         机关党委汇总各支部导出的数据（同一支部以新文件为准）
  shuxiang import --kind db 一支部.db                 直接汇总一个支部的数据库文件

说明：整个文件先全部检查，只要有一处问题就什么也不写入，并列出每处问题所在的工作表、单元格和改法。
同一个文件重复导入不会产生重复记录。旧版 .xls、WPS 的 .et、.ods 和 CSV 直接读取（按内容识别格式）。
`)
    .action(act(withAutoBackup(async (ctx: AppContext, files: string[], opts: ImportOptions) => {
      const kind = opts.kind ?? 'roster';
      if (!KINDS.includes(kind)) {
        throw new UserError(`--kind 的取值“${kind}”无效，可选：roster（花名册）、signin（签到表）、ledger（个人学习台账）、books（书目）、plan（年度学习计划）、json（shuxiang export 导出的整库数据）、db（支部的数据库文件）。`);
      }
      const paths = files.map((f) => ctx.path(f));
      if (kind === 'json' || kind === 'db') return importJsonFiles(ctx, paths, opts, kind);
      if (kind === 'plan') return importPlanKind(ctx, paths, opts);
      if (kind === 'roster') return importRoster(ctx, paths, opts);
      // These match names with the member resolver, loaded lazily for pinyin-pro's dictionary.
      if (kind === 'signin') return (await import('./signin.js')).importSignin(ctx, paths, opts);
      if (kind === 'ledger') return (await import('./ledger.js')).importLedger(ctx, paths, opts);
      return (await import('./books.js')).importBooks(ctx, paths, opts);
    })));
}
