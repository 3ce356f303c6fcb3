import { execFile } from 'node:child_process';
import { RenderError } from './output-format.js';

export interface ToolResult {
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs an external program with an argument array (never through a shell, so file names with spaces
 * or shell characters are safe). A missing program names its Debian package; a failure carries stderr.
 */
export function runTool(command: string, args: readonly string[], options: { debianPackage: string; cwd?: string; input?: string | Buffer; timeoutMs?: number }): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { cwd: options.cwd, encoding: 'buffer', maxBuffer: 1 << 30, timeout: options.timeoutMs ?? 600_000 }, (error, stdout, stderr) => {
      const errorText = stderr.toString('utf8');
      if (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new RenderError(`找不到程序 ${command}，请安装 Debian 软件包 ${options.debianPackage}（npm run setup 会自动安装）`));
        } else {
          reject(new RenderError(`${command} 运行失败：${errorText.trim().split('\n').slice(-3).join(' ') || error.message}`, { cause: error }));
        }
        return;
      }
      resolve({ stdout, stderr: errorText });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
