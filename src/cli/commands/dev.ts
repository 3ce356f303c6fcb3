import { dirname, resolve } from 'node:path';
import { startDevServer } from '../../render/site/dev-server.js';
import { closeSearchService } from '../../render/site/search-index.js';
import { SITE_TEMPLATE_DIR } from '../../render/site/site-templates.js';
import { UsageError } from '../usage-error.js';
import { createSiteBuilder, printSiteReport, reportSiteError, type SiteCommandOptions } from './site.js';

interface DevCommandOptions extends SiteCommandOptions {
  port: string;
  host: string;
}

/**
 * `fangzhi dev`: builds the site once, serves it on localhost and rebuilds on every save; open pages
 * reload by themselves. Runs until interrupted (Ctrl+C).
 */
export async function devCommand(paths: string[], options: DevCommandOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port 应为 0～65535 的整数，而不是「${options.port}」`);
  const builder = await createSiteBuilder(paths, options);
  try {
    printSiteReport(await builder.build(), options.out);
  } catch (error) {
    await closeSearchService();
    return reportSiteError(error);
  }
  const volumes = builder.volumeDirs();
  // The folders holding the volumes also hold units.yaml and style.yaml, which every volume reads.
  const parents = [...new Set(volumes.map((dir) => dirname(dir)))].filter((dir) => !volumes.includes(dir));
  const watch = [...[...volumes, SITE_TEMPLATE_DIR].map((dir) => ({ dir, recursive: true })), ...parents.map((dir) => ({ dir, recursive: false }))];
  const server = await startDevServer(builder, {
    outDir: resolve(options.out),
    host: options.host,
    port,
    watch,
    log: (message) => process.stdout.write(`${new Date().toLocaleTimeString('zh-CN', { hour12: false })} ${message}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 --port 换一个` : `无法启动预览服务：${error.message}`);
  });
  process.stdout.write(`正在预览：${server.url}（修改稿件后页面自动刷新；按 Ctrl+C 退出）\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await closeSearchService();
  return 0;
}
