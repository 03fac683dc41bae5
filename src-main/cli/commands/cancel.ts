// smsdesk cancel ID [--json] — cancels a scheduled or queued message (exit 2: no such message;
// exit 1: it is already on its way or final).
import type { Command } from 'commander';
import { withContext, type GlobalOptions } from '../context';
import { parsePositiveInteger } from '../parse';

export function registerCancel(program: Command, globals: () => GlobalOptions): void {
  program
    .command('cancel <id>')
    .description('cancel a scheduled or queued message')
    .option('--json', 'print the message as JSON')
    .action(async (idText: string, opts: { json?: boolean }) => {
      const id = parsePositiveInteger(idText);
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const m = await ctx.core.api['messages.cancel']({ id });
        ctx.out(opts.json ? JSON.stringify(m) : ctx.t('sending.cli.cancelled', { id: m.id }));
      });
    });
}
