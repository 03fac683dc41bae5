// smsdesk check [--quick] — integrity_check (or quick_check) and foreign_key_check; exit 1 on problems.
import type { Command } from 'commander';
import { CliExit, EXIT, withContext, type GlobalOptions } from '../context';

export function registerCheck(program: Command, globals: () => GlobalOptions): void {
  program
    .command('check')
    .description('check the database (integrity and foreign keys)')
    .option('--quick', 'the quick check only')
    .option('--json', 'print JSON')
    .action(async (opts: { quick?: boolean; json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const report = await ctx.core.api['data.check']({ kind: opts.quick ? 'quick' : 'full' });
        if (opts.json) ctx.out(JSON.stringify(report));
        else if (report.ok) ctx.out(ctx.t('data.cli.checkOk'));
        else {
          ctx.out(ctx.t('data.cli.checkProblems'));
          for (const p of report.problems) ctx.out(`  ${p}`);
          for (const v of report.foreignKeyViolations) ctx.out(`  ${v.table} #${v.rowid ?? '?'} → ${v.parent}`);
        }
        if (!report.ok) throw new CliExit(EXIT.failure);
      });
    });
}
