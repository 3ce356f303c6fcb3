import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { SiteBuilder, SiteReport } from './site-builder.js';

export interface DevServerOptions {
  /** The folder the builder writes into; the server answers from it. */
  outDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /**
   * Folders to watch: the volumes and the templates with everything below them, the folders above the
   * volumes (units.yaml, style.yaml) for their own files only, so that a large neighbour such as out/
   * is never walked.
   */
  watch: Array<{ dir: string; recursive: boolean }>;
  /** Milliseconds to wait for more changes before rebuilding (an editor's save may touch several files). */
  settle?: number;
  log(message: string): void;
  onRebuild?(report: SiteReport): void;
}

const EVENTS = '/__fangzhi/events';
const CLIENT = '/__fangzhi/live.js';
/** Served pages get this before </body>; the files on disk never contain it. */
const CLIENT_TAG = `<script src="${CLIENT}"></script>`;
const CLIENT_SCRIPT = `// fangzhi dev: reloads the page when the server rebuilt it.
const source = new EventSource('${EVENTS}');
source.addEventListener('open', () => (document.documentElement.dataset.liveReload = 'on'));
source.addEventListener('reload', (event) => {
  const { urls } = JSON.parse(event.data);
  const here = decodeURI(window.location.pathname).replace(/index\\.html$/, '');
  if (urls.includes(here)) window.location.reload();
});
`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

/**
 * `fangzhi dev`: serves the built site from its folder on localhost, watches the content and the
 * templates, rebuilds through the builder (only the pages an edit touches) and tells open pages over
 * server-sent events to reload when their own page changed. Node's standard library only.
 */
export async function startDevServer(builder: SiteBuilder, options: DevServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const clients = new Set<ServerResponse>();
  const root = resolve(options.outDir);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === EVENTS) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(': fangzhi dev\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (path === CLIENT) return send(response, 200, TYPES['.js']!, CLIENT_SCRIPT);
    const file = await findFile(root, path);
    if (!file) {
      const missing = await readFile(join(root, '404.html'), 'utf8').catch(() => '<!doctype html><title>404</title>');
      return send(response, 404, TYPES['.html']!, withClient(missing));
    }
    const data = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    send(response, 200, type, type.startsWith('text/html') ? withClient(data.toString('utf8')) : data);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, done);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`;
  // A heartbeat keeps proxies and idle timers from closing the event streams.
  const heartbeat = setInterval(() => clients.forEach((client) => client.write(': ping\n\n')), 15_000);

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const rebuild = () => {
    const paths = [...pending];
    pending = new Set();
    running = running.then(async () => {
      const started = performance.now();
      try {
        let pagesMs = 0;
        const report = await builder.update(paths, {
          pagesWritten(changedUrls) {
            pagesMs = Math.round(performance.now() - started);
            const data = JSON.stringify({ urls: changedUrls.map((page) => `/${page}`) });
            clients.forEach((client) => client.write(`event: reload\ndata: ${data}\n\n`));
          },
        });
        const ms = Math.round(performance.now() - started);
        if (report.rendered.length || report.full) {
          const pages = report.changedUrls.slice(0, 8).map((page) => `/${page}`).join(' ');
          options.log(`${report.full ? '已全部重建' : '已重建'} ${report.rendered.length} 个页面（${pagesMs} 毫秒），其中 ${report.changedUrls.length} 个有变化；检索分片重建 ${report.search.reindexed} 个（共 ${ms} 毫秒）：${pages}${report.changedUrls.length > 8 ? ' ……' : ''}`);
        }
        options.onRebuild?.(report);
      } catch (error) {
        options.log(`重建失败：${(error as Error).message}（网站保持上一次的内容，改正后保存即可）`);
      }
    });
  };
  const watchers: FSWatcher[] = options.watch.map(({ dir, recursive }) =>
    watch(dir, { recursive }, (_event, name) => {
      if (!name || /(^|[\\/])\.|~$|\.sw[a-z]$/.test(name)) return;
      pending.add(join(dir, name.toString()));
      clearTimeout(timer);
      timer = setTimeout(rebuild, options.settle ?? 40);
    }).on('error', (error) => options.log(`无法监视 ${dir} 的改动：${error.message}`)),
  );

  return {
    url,
    async close() {
      clearInterval(heartbeat);
      clearTimeout(timer);
      watchers.forEach((watcher) => watcher.close());
      clients.forEach((client) => client.end());
      await running;
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function withClient(html: string): string {
  return html.includes('</body>') ? html.replace('</body>', `${CLIENT_TAG}</body>`) : `${html}${CLIENT_TAG}`;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

/** The file a request path names inside the site folder (a folder means its index.html); never outside it. */
async function findFile(root: string, path: string): Promise<string | undefined> {
  const target = normalize(join(root, path));
  if (target !== root && !target.startsWith(`${root}${sep}`)) return undefined;
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile()) return target;
  if (info?.isDirectory()) {
    const index = join(target, 'index.html');
    return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
  }
  return undefined;
}
