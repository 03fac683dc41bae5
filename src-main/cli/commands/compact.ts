// smsdesk compact — VACUUM: the file without its free pages.
import type { Command } from 'commander';
import { formatNumber } from '../../../src-shared/format/datetime';
import { withContext, type GlobalOptions } from '../context';

export function registerCompact(program: Command, globals: () => GlobalOptions): void {
  program
    .command('compact')
    .description('compact the database file')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const result = await ctx.core.api['data.compact']({});
        ctx.out(opts.json ? JSON.stringify(result) : ctx.t('data.cli.compactDone', { before: formatNumber(result.bytesBefore, ctx.language), after: formatNumber(result.bytesAfter, ctx.language) }));
      });
    });
}
