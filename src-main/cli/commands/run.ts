// smsdesk run — headless: the scheduler and the dispatcher (with catch-up of what came due while
// nothing ran), and the integration API when it is on; no UI, until SIGINT/SIGTERM.
import type { Command } from 'commander';
import { openContext, type GlobalOptions } from '../context';
import { logUnhandledRejections, untilSignal } from '../signals';
import { serveIntegration } from '../integration-host';

export function registerRun(program: Command, globals: () => GlobalOptions): void {
  program
    .command('run')
    .description('send and run the scheduler without a window, until stopped')
    .action(async () => {
      const ctx = await openContext(globals(), { dispatch: true });
      logUnhandledRejections((line) => ctx.err(`[smsdesk] ${line}`));
      ctx.err(ctx.t('cli.running', { dataDir: ctx.core.dataDir }));
      // Catch-up runs in the core when the lease is taken; the integration API follows the lease.
      const integration = serveIntegration(ctx);
      await untilSignal();
      await integration.stop();
      await ctx.core.close();
      ctx.err(ctx.t('cli.stopped'));
    });
}
