// smsdesk backup FILE — a verified backup of the data dir's database into FILE (never overwritten).
import path from 'node:path';
import type { Command } from 'commander';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { formatBytes } from '../../../src-shared/format/bytes';
import { withContext, type GlobalOptions } from '../context';

export function registerBackup(program: Command, globals: () => GlobalOptions): void {
  program
    .command('backup <file>')
    .description('write a verified backup of the data to FILE (the secret key is never included)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        // Through the contract's validation like every host; a relative FILE is relative to where the user is.
        const made = (await ctx.core.call('data.backup', { file: path.resolve(file) })) as MethodOutput<'data.backup'>;
        ctx.out(opts.json ? JSON.stringify(made) : ctx.t('data.cli.backupDone', { file: made.file, size: formatBytes(made.size, ctx.language) }));
      });
    });
}
