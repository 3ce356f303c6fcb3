import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './usage-error.js';
import { registerWorkflowCommands } from './register-workflow.js';

/** The CLI: parses arguments, hands over to a command, returns the exit code (0 ok, 1 errors found, 2 usage or fatal). */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = new Command('fangzhi')
    .description('方志：地方综合年鉴与地方志书编纂工具')
    .version('0.1.0', '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand(false)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) })
    .showHelpAfterError('（用 fangzhi --help 查看用法）');
  let exitCode = 0;

  program
    .command('check')
    .description('检查卷、稿件或单个文件的篇目结构和体例')
    .argument('[paths...]', '卷目录、稿件或 .md/.txt 文件', ['content'])
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['stylish', 'json', 'github']).default('stylish'))
    .option('--fix', '自动修正可安全修正的问题（标点、数字宽度、不可见字符等），并把 GBK 文件转为 UTF-8')
    .option('--fix-dry-run', '只显示自动修正的差异，不写文件')
    .option('--record-year <year>', '单独文件的记述年（不指定则不检查记述时限）')
    .option('--volume <dir>', '按该卷的体例配置、名称对照表和记述时限检查不属于任何卷的来稿')
    .option('--final', '定稿检查：缺稿报为错误')
    .option('--no-cache', '不使用缓存，全部重新检查')
    .option('--cache-dir <dir>', '缓存目录', 'out/.cache')
    .option('-j, --jobs <n>', '并行检查的线程数（默认 1；核数多的机器上可加快冷启动）')
    .option('-q, --quiet', '只报告错误')
    .option('--changed-since <ref>', '与 --as 合用：检查自某 git 引用（如 origin/main）以来改动的文件是否都属于该单位承编的稿件')
    .option('--as <unit>', '供稿单位标识：改动了本单位承编稿件以外的文件即报错（用于单位提交的合并请求）')
    .option('--debug', '出错时显示调用栈')
    .action(async (paths: string[], options) => {
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await checkCommand(paths, options);
    });

  program
    .command('build')
    .description('汇编整卷并生成印刷版 PDF、审读版 HTML 和 Word 文档')
    .argument('[volume]', '卷目录；指定上级目录则逐卷生成', 'content')
    .option('-f, --format <formats>', '输出格式，逗号分隔：pdf,html,docx', 'pdf,html,docx')
    .option('--only <node-id>', '只生成某个篇目节点（类目、分目等）')
    .option('--unit <unit-id>', '只生成某个供稿单位承编的部分（发回单位核稿）')
    .option('--draft', '审读稿（默认）：缺稿以“缺稿”占位，检查意见随文标出')
    .option('--final', '定稿：有缺稿或检查错误时停止，不生成文件')
    .option('-o, --out <dir>', '输出目录', 'out')
    .option('--no-cache', '不使用缓存')
    .option('--cache-dir <dir>', '缓存目录', 'out/.cache')
    .option('-j, --jobs <n>', '并行检查和排版的线程数（默认 1；印刷版各类目分别排版，核数多的机器上可加快冷构建）')
    .option('--debug', '出错时显示调用栈')
    .action(async (volume: string, options) => {
      const { buildCommand } = await import('./commands/build.js');
      exitCode = await buildCommand(volume, options);
    });

  program
    .command('init')
    .description('新建一卷：生成 volume.yaml、标准篇目框架和稿件目录')
    .argument('<dir>', '新卷目录，如 content/yearbook-2017')
    .addOption(new Option('--kind <kind>', '类型').choices(['yearbook', 'gazetteer']).default('yearbook'))
    .requiredOption('--name <name>', '行政区域名称，如 示例市')
    .option('--year <year>', '年鉴卷年（书名中的年份）；志书为下限年份')
    .option('--from <year>', '志书上限年份')
    .option('--debug', '出错时显示调用栈')
    .action(async (dir: string, options) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(dir, options);
    });

  const decisions = [
    { name: 'accept', verb: '接受', description: '接受稿件中的修改建议（CriticMarkup）；不加选项则列出全部修改建议和批注及其编号', load: async () => (await import('./commands/accept.js')).acceptCommand },
    { name: 'reject', verb: '拒绝', description: '拒绝稿件中的修改建议（恢复原文）；不加选项则列出全部修改建议和批注及其编号', load: async () => (await import('./commands/reject.js')).rejectCommand },
  ];
  for (const { name, verb, description, load } of decisions) {
    program
      .command(name)
      .description(description)
      .argument('<chapter>', '稿件文件或节点标识')
      .option('--all', `${verb}全部修改建议，并移除全部批注和标注`)
      .option('--id <n>', `${verb}编号为 n 的一处（可重复，或写作 1,3）`, (value: string, previous: string[] = []) => [...previous, value])
      .option('--volume <dir>', '按节点标识查找稿件时所在的卷')
      .option('--debug', '出错时显示调用栈')
      .action(async (chapter: string, options) => {
        exitCode = await (await load())(chapter, options);
      });
  }

  program
    .command('redline')
    .description('红样：比较稿件的两个版本（审校阶段、git 版本或工作区），新增、删除和移动的文字以颜色标出')
    .argument('[chapters...]', '稿件：节点标识或稿件文件路径')
    .option('--unit <unit-id>', '比较某个供稿单位承编的全部稿件')
    .option('--all', '比较全卷（只列出有改动的稿件）')
    .requiredOption('--from <version>', '原稿：审校阶段（如 初审）或 git 版本（分支、标签、提交）')
    .option('--to <version>', '改稿：审校阶段、git 版本或 worktree（工作区）', 'worktree')
    .option('--volume <dir>', '卷目录')
    .option('-f, --format <formats>', '输出格式，逗号分隔：html,docx,pdf', 'html')
    .option('-o, --out <dir>', '输出目录', 'out')
    .option('--no-cache', '不使用缓存')
    .option('--cache-dir <dir>', '缓存目录', 'out/.cache')
    .option('--debug', '出错时显示调用栈')
    .action(async (chapters: string[], options) => {
      const { redlineCommand } = await import('./commands/redline.js');
      exitCode = await redlineCommand(chapters, options);
    });

  program
    .command('docs')
    .description('由规则元数据生成 docs/rules/*.md')
    .option('--check', '只检查文档是否过期')
    .action(async (options) => {
      const { docsCommand } = await import('./commands/docs.js');
      exitCode = await docsCommand(options);
    });

  program
    .command('site')
    .description('生成地情网：各卷已公开的稿件、全文检索、大事记、历年对照和开放数据')
    .argument('[volumes...]', '卷目录；指定上级目录则包括其下各卷', ['content'])
    .option('-o, --out <dir>', '输出目录', 'out/site')
    .option('--base-url <url>', '网站地址，用于规范链接、Open Graph 和 sitemap.xml，如 https://dqw.example.gov.cn/')
    .option('--title <title>', '网站名称（默认为“行政区域名称＋地情网”）')
    .option('--no-cache', '不使用图片缓存')
    .option('--cache-dir <dir>', '缓存目录', 'out/.cache')
    .option('--debug', '出错时显示调用栈')
    .action(async (volumes: string[], options) => {
      const { siteCommand } = await import('./commands/site.js');
      exitCode = await siteCommand(volumes, options);
    });

  program
    .command('dev')
    .description('在本机预览地情网：修改稿件后只重建受影响的页面，浏览器自动刷新')
    .argument('[volumes...]', '卷目录；指定上级目录则包括其下各卷', ['content'])
    .option('-o, --out <dir>', '输出目录', 'out/dev-site')
    .option('-p, --port <port>', '端口（0 为自动选择）', '4000')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--title <title>', '网站名称')
    .option('--no-cache', '不使用图片缓存')
    .option('--cache-dir <dir>', '缓存目录', 'out/.cache')
    .option('--debug', '出错时显示调用栈')
    .action(async (volumes: string[], options) => {
      const { devCommand } = await import('./commands/dev.js');
      exitCode = await devCommand(volumes, options);
    });

  registerWorkflowCommands(program, (code) => (exitCode = code))
    .command('import')
    .description('把审稿人在 Word 中的修订和批注导入稿件，成为修改建议（CriticMarkup）')
    .argument('<docx>', '审改过的 Word 文件（.docx）')
    .requiredOption('--chapter <id>', '稿件：节点标识或稿件文件路径')
    .option('--volume <dir>', '按节点标识查找稿件时所在的卷')
    .option('--dry-run', '只报告将导入的修订，不写文件')
    .option('--force', '稿件有未提交的改动时也导入')
    .option('--debug', '出错时显示调用栈')
    .action(async (docx: string, options) => {
      const { reviewImportCommand } = await import('./commands/review-import.js');
      exitCode = await reviewImportCommand(docx, options);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`fangzhi：${error.message}\n`);
      return 2;
    }
    process.stderr.write(`fangzhi：发生内部错误：${(error as Error).message}\n`);
    if (debug) process.stderr.write(`${(error as Error).stack}\n`);
    else process.stderr.write('（加 --debug 可查看调用栈）\n');
    return 2;
  }
}

/** Commander speaks English; editors read Chinese. */
function translateCommanderError(text: string): string {
  return text
    .replace(/^error: unknown option '(.+)'.*$/m, "错误：未知选项「$1」")
    .replace(/^error: unknown command '(.+)'.*$/m, "错误：未知命令「$1」")
    .replace(/^error: missing required argument '(.+)'.*$/m, "错误：缺少参数「$1」")
    .replace(/^error: required option '(.+)' not specified.*$/m, "错误：缺少必需选项「$1」")
    .replace(/^error: option '(.+)' argument missing.*$/m, "错误：选项「$1」缺少取值")
    .replace(/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\.$/m, "错误：选项「$1」的取值「$2」无效，可选：$3")
    .replace(/^error: too many arguments.*$/m, "错误：参数过多");
}
