/** Progress for long builds: a bar redrawn in place on a terminal, plain timestamped lines elsewhere (CI logs). */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): { step(message: string): void; done(): void } {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  const started = Date.now();
  let count = 0;
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  return {
    step(message: string) {
      count = Math.min(count + 1, total);
      if (interactive) {
        const width = 24;
        const filled = Math.round((count / total) * width);
        stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} ${message}`);
      } else {
        stream.write(`[${seconds()}s] ${message}\n`);
      }
    },
    done() {
      if (interactive) stream.write(`\r\x1b[K完成，用时${seconds()}秒\n`);
      else stream.write(`[${seconds()}s] 完成\n`);
    },
  };
}
