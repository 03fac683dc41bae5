// smsdesk resend ID [--json] — sends a message whose result is unknown (or that failed) again, as a
// new message linked to the original; the operator decided the risk of a duplicate is acceptable.
import type { Command } from 'commander';
import { withContext, type GlobalOptions } from '../context';
import { parsePositiveInteger } from '../parse';

export function registerResend(program: Command, globals: () => GlobalOptions): void {
  program
    .command('resend <id>')
    .description('send an unknown or failed message again (a new message, linked to the original)')
    .option('--json', 'print the new message as JSON')
    .action(async (idText: string, opts: { json?: boolean }) => {
      const id = parsePositiveInteger(idText);
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const m = await ctx.core.api['messages.resend']({ id, origin: 'cli' });
        ctx.out(opts.json ? JSON.stringify(m) : ctx.t('sending.cli.resent', { id: m.id, original: id }));
        const status = await ctx.core.api['dispatcher.status']({});
        if (!status.holder?.live) ctx.err(ctx.t('cli.noDispatcher'));
      });
    });
}
