// smsdesk log [--status S[,S…]] [--since TIME] [--until TIME] [--search Q] [--account NAME] [--limit N] [--json]
// Newest first, default 100, no maximum: rows are read a page at a time and streamed out.
import { InvalidArgumentError, type Command } from 'commander';
import { messageStatuses, type MessageStatus, type MessageView } from '../../../src-shared/api/schemas';
import { parseScheduleTime } from '../../../src-shared/time/zoned';
import { withContext, type CliContext, type GlobalOptions } from '../context';
import { parsePositiveInteger } from '../parse';

interface LogOptions {
  status?: MessageStatus[];
  since?: string;
  until?: string;
  search?: string;
  account?: string;
  limit: number;
  json?: boolean;
}

const PAGE = 1000;

/** Writes to stdout, waiting for the pipe to drain when it is full, so a huge log never piles up in memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

function parseStatuses(value: string): MessageStatus[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of list) {
    if (!(messageStatuses as readonly string[]).includes(s)) throw new InvalidArgumentError(`unknown status "${s}" (one of ${messageStatuses.join(', ')})`);
  }
  return list as MessageStatus[];
}

export function registerLog(program: Command, globals: () => GlobalOptions): void {
  program
    .command('log')
    .description('list messages, newest first')
    .option('--status <list>', 'only these statuses, comma-separated', parseStatuses)
    .option('--since <time>', 'created at or after (ISO-8601 date or time; local shop time without an offset)')
    .option('--until <time>', 'created before (ISO-8601 date or time; local shop time without an offset)')
    .option('--search <text>', 'a fragment of the number, the text or the memo')
    .option('--account <name>', 'only this account')
    .option('--limit <n>', 'at most this many (default 100)', parsePositiveInteger, 100)
    .option('--json', 'print JSON')
    .action(async (opts: LogOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runLog(ctx, opts));
    });
}

async function runLog(ctx: CliContext, opts: LogOptions): Promise<void> {
  const { core, t } = ctx;
  const zone = (await core.api['app.info']({})).timeZone;
  const instant = (text: string | undefined, flag: string): string | undefined => {
    if (text === undefined) return undefined;
    // A date alone means the start of that day in the shop's zone.
    const ms = parseScheduleTime(/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00` : text, zone);
    if (ms === null) throw new InvalidArgumentError(`${flag}: ${t('cli.badTime', { at: text })}`);
    return new Date(ms).toISOString();
  };
  const since = instant(opts.since, '--since');
  const until = instant(opts.until, '--until');

  const toJson = (m: MessageView) => ({
    id: m.id,
    to: m.to,
    text: m.text,
    status: m.status,
    segments: m.segments,
    encoding: m.encoding,
    account: m.account,
    providerMessageId: m.providerMessageId,
    error: m.error ? { code: m.error.code, message: t(m.error.key, { ...(m.error.params ?? {}), defaultValue: m.error.detail ?? m.error.code }) } : null,
    origin: m.origin,
    memo: m.memo,
    createdAt: m.createdAt,
    scheduledAt: m.scheduledAt,
    sentAt: m.sentAt,
    deliveredAt: m.deliveredAt,
  });

  let remaining = opts.limit;
  let beforeId: number | undefined;
  let first = true;
  if (opts.json) await write('{ "messages": [');
  while (remaining > 0) {
    const page = await core.api['messages.list']({
      limit: Math.min(PAGE, remaining),
      ...(opts.status ? { status: opts.status } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(opts.search ? { search: opts.search } : {}),
      ...(opts.account ? { account: opts.account } : {}),
      ...(beforeId ? { beforeId } : {}),
    });
    for (const m of page.messages) {
      if (opts.json) {
        await write((first ? '\n  ' : ',\n  ') + JSON.stringify(toJson(m)));
      } else {
        const when = new Date(m.createdAt).toLocaleString(ctx.language === 'en' ? 'en-US' : ctx.language, { timeZone: zone });
        const err = m.error ? `  ${t(m.error.key, { ...(m.error.params ?? {}), defaultValue: m.error.code })}` : '';
        await write(`#${m.id}  ${when}  ${m.to}  ${t(`common.status.${m.status}`)}  ${m.segments}×${m.encoding}  ${m.text.replace(/\s+/g, ' ').slice(0, 60)}${err}\n`);
      }
      first = false;
    }
    remaining -= page.messages.length;
    if (page.nextBeforeId === null) break;
    beforeId = page.nextBeforeId;
  }
  if (opts.json) await write(first ? '] }\n' : '\n] }\n');
  else if (first) ctx.err(t('cli.noMessages'));
}
