// smsdesk serve [--port N] [--no-open] — browser mode: the same core behind the web host.
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { startWebServer } from '../../web/server';
import { openContext, type GlobalOptions } from '../context';
import { parsePort } from '../parse';
import { logUnhandledRejections, untilSignal } from '../signals';
import { serveIntegration } from '../integration-host';

/** Opens the URL in the default browser; failing that, the printed URL is enough. */
function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no browser launcher: the URL is printed
  }
}

export function registerServe(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('run smsdesk in the browser (http://127.0.0.1 only) with sending and the scheduler')
    .option('--port <n>', 'port (default: any free port)', parsePort, 0)
    .option('--no-open', 'do not open a browser')
    .action(async (opts: { port: number; open: boolean }) => {
      const ctx = await openContext(globals(), { dispatch: true });
      logUnhandledRejections((line) => ctx.err(`[smsdesk] ${line}`));
      const integration = serveIntegration(ctx);
      try {
        const server = await startWebServer({ core: ctx.core, port: opts.port, language: ctx.language, log: (line) => ctx.err(line) });
        // This exact line is what scripts (and the end-to-end tests) read.
        ctx.out(`smsdesk is running at ${server.url}`);
        ctx.err(ctx.t('cli.servingHint'));
        if (opts.open) openInBrowser(server.url);
        await untilSignal();
        await server.close();
      } finally {
        await integration.stop();
        await ctx.core.close();
      }
      ctx.err(ctx.t('cli.stopped'));
    });
}
