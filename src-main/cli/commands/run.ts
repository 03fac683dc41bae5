// smsdesk run — headless: the scheduler and the dispatcher, no UI, until SIGINT/SIGTERM.
import type { Command } from 'commander';
import { openContext, type GlobalOptions } from '../context';
import { logUnhandledRejections, untilSignal } from '../signals';

export function registerRun(program: Command, globals: () => GlobalOptions): void {
  program
    .command('run')
    .description('send and run the scheduler without a window, until stopped')
    .action(async () => {
      const ctx = await openContext(globals(), { dispatch: true });
      logUnhandledRejections((line) => ctx.err(`[smsdesk] ${line}`));
      ctx.err(ctx.t('cli.running', { dataDir: ctx.core.dataDir }));
      await untilSignal();
      await ctx.core.close();
      ctx.err(ctx.t('cli.stopped'));
    });
}
