// smsdesk segments TEXT [--json] — the same counter as the composer.
import type { Command } from 'commander';
import { createI18n } from '../../../src-shared/i18n';
import { countSegments } from '../../../src-shared/sms/segments';

export function registerSegments(program: Command): void {
  program
    .command('segments <text>')
    .description('count the SMS segments and encoding of a text')
    .option('--json', 'print JSON')
    .action((text: string, opts: { json?: boolean }) => {
      const c = countSegments(text);
      if (opts.json) {
        process.stdout.write(JSON.stringify(c) + '\n');
        return;
      }
      // No database needed: the language comes from the environment here.
      const { t } = createI18n();
      process.stdout.write(t('cli.segments', { encoding: c.encoding, units: c.units, segments: c.segments, perSegment: c.unitsPerSegment, remaining: c.remainingInSegment }) + '\n');
    });
}
