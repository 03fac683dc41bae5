// smsdesk log [--status S[,S…]] [--since TIME] [--until TIME] [--search Q] [--account NAME] [--template NAME]
//             [--rule NAME] [--limit N] [--json]
// Newest first, default 100, no maximum: rows are read a page at a time and streamed out.
// smsdesk log export FILE [--format csv|xlsx] with the same filters: the log as a spreadsheet.
import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { LogFilterInput } from '../../../src-shared/api/log-schemas';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { messageStatuses, type MessageStatus, type MessageView } from '../../../src-shared/api/schemas';
import { parseScheduleTime } from '../../../src-shared/time/zoned';
import { CliExit, EXIT, withContext, type CliContext, type GlobalOptions } from '../context';
import { parsePositiveInteger } from '../parse';

interface LogOptions {
  status?: MessageStatus[];
  since?: string;
  until?: string;
  search?: string;
  account?: string;
  template?: string;
  rule?: string;
  limit: number;
  json?: boolean;
}

type ExportOptions = Omit<LogOptions, 'limit'> & { format?: string; limit?: number };

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

/** The filter flags every log command shares. */
function filterOptions(command: Command): Command {
  return command
    .option('--status <list>', 'only these statuses, comma-separated', parseStatuses)
    .option('--since <time>', 'created at or after (ISO-8601 date or time; local shop time without an offset)')
    .option('--until <time>', 'created before (ISO-8601 date or time; local shop time without an offset)')
    .option('--search <text>', 'a fragment of the number, the text or the memo')
    .option('--account <name>', 'only this account')
    .option('--template <name>', 'only messages from this template (its exact name)')
    .option('--rule <name>', 'only messages from this reminder rule (its exact name)');
}

export function registerLog(program: Command, globals: () => GlobalOptions): void {
  const log = filterOptions(program.command('log').description('list messages, newest first'))
    .option('--limit <n>', 'at most this many (default 100)', parsePositiveInteger, 100)
    .option('--json', 'print JSON')
    .action(async (opts: LogOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runLog(ctx, opts));
    });
  filterOptions(log.command('export <file>').description('write the (filtered) log to a CSV or XLSX file, newest first'))
    .option('--format <format>', 'csv|xlsx (default: from the file name, else csv)')
    .option('--limit <n>', 'at most this many (default: all)', parsePositiveInteger)
    .option('--json', 'print the result as JSON')
    .action(async (file: string, own: ExportOptions, command: Command) => {
      // The parent (`log`) has the same flags, and commander gives a flag to whichever command
      // declares it first: take the ones typed on the command line from either.
      const parent = command.parent!;
      const typed = Object.fromEntries(Object.entries(parent.opts()).filter(([key]) => parent.getOptionValueSource(key) === 'cli'));
      const opts = { ...typed, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) } as ExportOptions;
      await withContext(globals(), { dispatch: false }, (ctx) => runExport(ctx, file, opts));
    });
}

/** The flags as the contract's filter: a date alone is the start of that day in the shop's zone. */
async function filterFrom(ctx: CliContext, opts: Omit<LogOptions, 'limit' | 'json'>): Promise<LogFilterInput> {
  const zone = (await ctx.core.api['app.info']({})).timeZone;
  const instant = (text: string | undefined, flag: string): string | undefined => {
    if (text === undefined) return undefined;
    const ms = parseScheduleTime(/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00` : text, zone);
    if (ms === null) throw new InvalidArgumentError(`${flag}: ${ctx.t('cli.badTime', { at: text })}`);
    return new Date(ms).toISOString();
  };
  // A name that names nothing is a typo, not "no messages": say so.
  if (opts.template !== undefined) {
    const { templates } = await ctx.core.api['templates.list']({ search: opts.template.slice(0, 200) });
    if (!templates.some((x) => x.name === opts.template)) throw new CliExit(EXIT.badInput, ctx.t('composeCore.errors.templateNameNotFound', { name: opts.template }));
  }
  if (opts.rule !== undefined) {
    const { rules } = await ctx.core.api['rules.list']({});
    if (!rules.some((x) => x.name === opts.rule)) throw new CliExit(EXIT.badInput, ctx.t('logRoom.errors.ruleNameNotFound', { name: opts.rule }));
  }
  const since = instant(opts.since, '--since');
  const until = instant(opts.until, '--until');
  return {
    ...(opts.status ? { status: opts.status } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(opts.search ? { search: opts.search } : {}),
    ...(opts.account ? { account: opts.account } : {}),
    ...(opts.template !== undefined ? { template: opts.template } : {}),
    ...(opts.rule !== undefined ? { rule: opts.rule } : {}),
  };
}

async function runExport(ctx: CliContext, file: string, opts: ExportOptions): Promise<void> {
  const format = opts.format ?? (/\.xlsx$/i.test(file) ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') throw new CliExit(EXIT.badInput, ctx.t('reports.cli.badFormat', { value: format }));
  const filter = await filterFrom(ctx, opts);
  const out = (await ctx.core.call('messages.export', { format, filter, ...(opts.limit ? { limit: opts.limit } : {}) })) as MethodOutput<'messages.export'>;
  try {
    fs.writeFileSync(file, Buffer.from(out.fileBase64, 'base64'));
  } catch (err) {
    throw new CliExit(EXIT.badInput, ctx.t('reports.cli.cannotWrite', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
  if (out.total > out.count) ctx.err(ctx.t('reports.cli.exportCut', { count: out.count, total: out.total }));
  if (opts.json) ctx.out(JSON.stringify({ file, format, count: out.count, total: out.total }));
  else ctx.out(ctx.t('reports.cli.exported', { count: out.count, file }));
}

async function runLog(ctx: CliContext, opts: LogOptions): Promise<void> {
  const { core, t } = ctx;
  const zone = (await core.api['app.info']({})).timeZone;
  const filter = await filterFrom(ctx, opts);

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
    const page = await core.api['messages.list']({ ...filter, limit: Math.min(PAGE, remaining), ...(beforeId ? { beforeId } : {}) });
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
