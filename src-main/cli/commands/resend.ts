// smsdesk resend ID [--json] — sends a message whose result is unknown (or that failed) again, as a
// new message linked to the original; the operator decided the risk of a duplicate is acceptable.
// It goes through the pre-send check first, as `send` does: an error (opted out, invalid number, the
// frequency cap…) refuses it with exit code 2 and the reason; warnings go to stderr (running the
// command is the operator's explicit send) and are acknowledged.
import type { Command } from 'commander';
import type { CheckCode } from '../../../src-shared/api/compose-schemas';
import { CliExit, EXIT, withContext, type GlobalOptions } from '../context';
import { parsePositiveInteger } from '../parse';

export function registerResend(program: Command, globals: () => GlobalOptions): void {
  program
    .command('resend <id>')
    .description('send an unknown or failed message again (a new message, linked to the original; checked first)')
    .option('--json', 'print the new message as JSON')
    .action(async (idText: string, opts: { json?: boolean }) => {
      const id = parsePositiveInteger(idText);
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const { t } = ctx;
        const report = await ctx.core.api['messages.resendCheck']({ id, origin: 'cli' });
        const say = (code: CheckCode, params: Record<string, string | number>) => t(`composeCore.checks.${code}`, params);
        const errors = report.issues.filter((i) => i.severity === 'error');
        if (errors.length > 0) {
          const reasons = errors.map((e) => say(e.code, { count: e.count, ...(e.params ?? {}), ...(e.examples[0]?.params ?? {}) }));
          throw new CliExit(EXIT.badInput, t('composeCore.cli.resendRefused', { id, reasons: reasons.join('; ') }));
        }
        const warnings = report.issues.filter((i) => i.severity === 'warning');
        for (const w of warnings) {
          ctx.err(t('composeCore.cli.warning', { message: say(w.code, { count: w.count, ...(w.params ?? {}), ...(w.examples[0]?.params ?? {}) }) }));
          if (w.code === 'quiet_hours' && report.quietUntil) ctx.err(t('composeCore.cli.quietUntilResend', { time: report.quietUntil }));
        }
        const m = await ctx.core.api['messages.resend']({ id, origin: 'cli', acknowledged: warnings.map((w) => w.code) });
        ctx.out(opts.json ? JSON.stringify(m) : t('sending.cli.resent', { id: m.id, original: id }));
        const status = await ctx.core.api['dispatcher.status']({});
        if (!status.holder?.live) ctx.err(t('cli.noDispatcher'));
      });
    });
}
