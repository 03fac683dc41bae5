// smsdesk restore FILE [--yes] — replaces the data with a backup, after validating it completely.
// Refused (a bad or hostile file, another process using the data dir, no --yes): a non-zero exit, one
// translated line, and the live data untouched.
import type { Command } from 'commander';
import { CliExit, EXIT, withContext, type GlobalOptions } from '../context';

export function registerRestore(program: Command, globals: () => GlobalOptions): void {
  program
    .command('restore <file>')
    .description('replace the data with a backup (the current data is backed up first)')
    .option('--yes', 'do it without asking')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { yes?: boolean; json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        if (!opts.yes) throw new CliExit(EXIT.badInput, ctx.t('data.cli.restoreConfirm', { file }));
        const result = await ctx.core.api['data.restore']({ file });
        ctx.out(opts.json
          ? JSON.stringify(result)
          : ctx.t('data.cli.restoreDone', { file: result.restoredFrom, from: result.fromVersion, to: result.toVersion, safety: result.safetyBackup ?? result.movedAside ?? '-' }));
      });
    });
}
