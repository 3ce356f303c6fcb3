import { Option, type Command } from 'commander';
import type { Action } from '../revisions/workflow.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * The workflow commands: review (the ledger), status (the dashboard) and codeowners. Registered from
 * main.ts in one call; each loads its implementation only when it runs. Returns the `review` command,
 * so that other review subcommands (review import) attach to the same command.
 */
export function registerWorkflowCommands(program: Command, setExitCode: (code: number) => void): Command {
  const review = program.command('review').description('审校轮次：报送、通过、退改、重新打开、签发，以及查看台账').addHelpCommand(false);
  const actions: Array<[Action, string]> = [
    ['submit', '供稿单位报送稿件（首次供稿，或退改后重新报送）'],
    ['pass', '通过某一审校阶段（初审、复审、终审、校次）'],
    ['return', '退回单位修改，并生成退改单（Markdown 和 Word）'],
    ['reopen', '重新打开已通过的阶段（须写明理由），解除锁定'],
    ['sign-off', '签发最后一个阶段（付印）'],
  ];
  for (const [action, description] of actions) {
    review
      .command(action)
      .description(description)
      .argument('<chapters...>', '稿件：节点标识（如 shehui-jiaoyu）或稿件文件路径')
      .option('--stage <stage>', action === 'submit' ? '阶段（默认为稿件当前所处阶段）' : '阶段，如 初审、复审、终审')
      .requiredOption('--by <name>', '经办人姓名')
      .option('--note <text>', '意见或说明（可多次使用，每次一条）', collect, [])
      .option('--reason <text>', '理由（reopen 必填）')
      .option('--at <time>', '记录时间，带时区，如 2016-04-12T15:30:00+08:00（默认为当前时间；补录纸质审稿记录时使用）')
      .option('--volume <dir>', '卷目录（节点标识在多卷中重复时指定）')
      .option('-o, --out <dir>', '退改单的输出目录', 'out')
      .option('--no-cache', '不使用检查缓存')
      .option('--cache-dir <dir>', '缓存目录', 'out/.cache')
      .option('--debug', '出错时显示调用栈')
      .action(async (chapters: string[], options) => {
        const { reviewCommand } = await import('./commands/review.js');
        setExitCode(await reviewCommand(action, chapters, options));
      });
  }
  review
    .command('log')
    .description('显示一篇稿件的审校记录')
    .argument('<chapter>', '稿件：节点标识或稿件文件路径')
    .option('--volume <dir>', '卷目录')
    .option('--no-cache', '不使用检查缓存')
    .option('--cache-dir <dir>', '缓存目录', 'out/.cache')
    .option('--debug', '出错时显示调用栈')
    .action(async (chapter: string, options) => {
      const { reviewLogCommand } = await import('./commands/review.js');
      setExitCode(await reviewLogCommand(chapter, options));
    });

  program
    .command('status')
    .description('编纂进度：各稿件所处阶段、经办方、逾期、字数、批注和检查错误，按单位和类目汇总')
    .argument('[volume]', '卷目录；指定上级目录则逐卷统计', 'content')
    .option('--html', '生成进度报告网页 out/status.html')
    .option('--json', '以 JSON 输出，供脚本使用')
    .option('--as-of <date>', '统计截止日期，如 2016-05-20（默认今天；台账中此后的记录不计）')
    .option('-o, --out <dir>', '输出目录', 'out')
    .option('--no-cache', '不使用检查缓存')
    .option('--cache-dir <dir>', '缓存目录', 'out/.cache')
    .option('--debug', '出错时显示调用栈')
    .action(async (volume: string, options) => {
      const { statusCommand } = await import('./commands/status.js');
      setExitCode(await statusCommand(volume, options));
    });

  program
    .command('codeowners')
    .description('按篇目框架的承编分工和单位的 gitHandle 生成 CODEOWNERS')
    .argument('[volumes...]', '卷目录，或其上级目录', ['content'])
    .addOption(new Option('--syntax <syntax>', '格式').choices(['github', 'gitlab']).default('github'))
    .option('--out <path>', '输出文件（默认为仓库根目录下的 CODEOWNERS）')
    .option('--default-owner <handle>', '其余文件（框架、台账、配置）的负责人，如 @shili/editors')
    .option('--debug', '出错时显示调用栈')
    .action(async (volumes: string[], options) => {
      const { codeownersCommand } = await import('./commands/codeowners.js');
      setExitCode(await codeownersCommand(volumes, options));
    });
  return review;
}
