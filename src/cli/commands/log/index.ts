// `shuxiang log <kind>|list|remove`: one member's study evidence, one item at a time. The subcommands and
// their flags are made from src/domain/evidenceKinds.ts; recording runs in record.ts, listing in
// list.ts, removing in remove.ts.
import type { Command } from 'commander';
import { EVIDENCE_KINDS, kindChoicesText, type EvidenceKindId } from '../../../domain/evidenceKinds.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { addFieldOptions } from '../../args/evidenceFlags.js';
import { runLogList } from './list.js';
import { runLogKind } from './record.js';
import { runLogRemove } from './remove.js';

const EXAMPLES: Record<EvidenceKindId, string[]> = {
  'self-study': ['--member 张三 --hours 1.5 --notes --content "《习近平谈治国理政》第四卷"', '--member zs --date 2026-03-10 --hours 1'],
  lecture: ['--member 张三 --date 2026-03-12 --title "数字经济与财政治理" --speaker 王教授 --notes'],
  book: ['--member 张三 --title 之江新语 --author 习近平 --category 政治理论 --finished 2026-03-20', '--member zs --title "中国共产党简史" --category 党史 --started 2026-02-01 --finished 2026-03-01'],
  writing: ['--member 张三 --kind 心得体会 --title "读《之江新语》有感" --chars 1800 --date 2026-03-25', '--member 张三 --kind 理论文章 --file 文章.docx'],
  research: ['--member 张三 --from 2026-04-08 --to 2026-04-10 --place 县财政局 --topic 基层财政运行', '--member 张三 --from 2026-05-06 --to 2026-05-12 --days 5'],
  talk: ['--member 张三 --kind 理论宣讲 --date 2026-03-28 --topic "学习贯彻全会精神" --audience 45'],
  training: ['--member 张三 --name 业务能力提升培训班 --from 2026-06-01 --to 2026-06-05 --hours 32'],
  exam: ['--member 张三 --name "2026 年度理论知识考试" --date 2026-11-10 --score 92 --passed'],
  exchange: ['--member 张三 --date 2026-03-30 --book 之江新语 --place 局读书角'],
};

export function registerLog(program: Command, act: Act): void {
  const log = program
    .command('log')
    .description('个人学习记录：自学、听课、读书、心得文章、调研、宣讲、培训、考试、读书交流')
    .addHelpText('after', `
示例：
  shuxiang log self-study --member 张三 --hours 1.5 --notes
  shuxiang log book --member zs --title 之江新语 --category 政治理论 --finished 2026-03-20
  shuxiang log list --member 张三 --period 2026-Q1
  shuxiang log remove self-study:12

在终端中直接运行 shuxiang log self-study 等命令会逐项询问；批量登记请用 shuxiang template ledger 生成台账、
填好后 shuxiang import --kind ledger 导入。
`);

  for (const kind of EVIDENCE_KINDS) {
    const cmd = log.command(kind.id).description(`${kind.name}：${kind.description}`)
      .option('--member <姓名>', '姓名、拼音首字母（如 zs）或编号（如 #3）');
    const own = new Set(kind.fields.map((f) => f.key));
    if (!own.has('date')) cmd.option('--date <日期>', kind.id === 'book' ? '同 --finished' : '只有一天时代替 --from/--to');
    addFieldOptions(cmd, kind.fields);
    if (kind.id === 'writing') cmd.option('--file <文件>', '文章文件（.docx 或 .txt），自动统计字数（汉字、字母和数字）');
    cmd.addHelpText('after', `
不给选项时，在终端中会逐项询问（日期默认今天${kind.id === 'self-study' ? '，学时默认 1 小时' : ''}）；在脚本中缺少必填选项会报错并指出缺哪一项。

示例：
${EXAMPLES[kind.id].map((e) => `  shuxiang log ${kind.id} ${e}`).join('\n')}
  shuxiang --json log ${kind.id} ${EXAMPLES[kind.id][0]}
`).action(act(async (ctx: AppContext, opts: Record<string, string | boolean | undefined>) => {
      await runLogKind(ctx, kind, opts);
    }));
  }

  log
    .command('list')
    .description('列出学习记录（可按人、类别、期间筛选），每条带编号')
    .option('--member <姓名>', '只看这个人（姓名、拼音首字母或编号）')
    .option('--kind <类别>', `只看一类：${kindChoicesText()}`)
    .option('--period <期间>', '期间：2026、2026-H1、2026-Q1、2026-03、2026-W10')
    .addHelpText('after', `
示例：
  shuxiang log list --member 张三
  shuxiang log list --kind book --period 2026
  shuxiang --json log list --member zs --period 2026-03
`)
    .action(act(async (ctx: AppContext, opts: { member?: string; kind?: string; period?: string }) => {
      await runLogList(ctx, opts);
    }));

  log
    .command('remove')
    .description('删除一条学习记录（编号见 log list，如 self-study:12）')
    .argument('<编号>', '记录编号：类别:数字，如 self-study:12 或 自学:12；也可写数字并加 --kind')
    .option('--kind <类别>', `编号只写数字时，是哪一类：${kindChoicesText()}`)
    .addHelpText('after', `
说明：每类记录单独编号（自学第 12 条与读书第 12 条是两条不同的记录），所以编号要连同类别一起写。

示例：
  shuxiang log remove self-study:12
  shuxiang log remove 12 --kind book
`)
    .action(act(async (ctx: AppContext, ref: string, opts: { kind?: string }) => {
      await runLogRemove(ctx, ref, opts);
    }));
}
