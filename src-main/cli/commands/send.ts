// smsdesk send --to LIST --text TEXT [--at TIME] [--account NAME] [--memo TEXT] [--wait [SECONDS]] [--json]
// smsdesk send --template NAME | --text TEXT  --contact ID … | --category NAME … | --to LIST  [--var k=v …]
//               [--prefix] [--suffix] [--marketing] (compose: placeholders and the pre-send check)
// `--text` to numbers alone sends TEXT exactly as given (messages.send); placeholders, prefix and suffix
// apply only with --template or contact recipients (see send-compose.ts).
import type { Command } from 'commander';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { isFinalStatus, type MessageStatus } from '../../../src-shared/api/schemas';
import { CliExit, EXIT, withContext, type CliContext, type GlobalOptions } from '../context';
import { parsePositiveNumber } from '../parse';
import { runComposeSend } from './send-compose';

export interface SendOptions {
  to?: string;
  text?: string;
  template?: string;
  contact: string[];
  category: string[];
  var: string[];
  prefix?: boolean;
  suffix?: boolean;
  marketing?: boolean;
  at?: string;
  account?: string;
  memo?: string;
  wait?: boolean | number;
  json?: boolean;
}

const POLL_MS = 200;
export const DEFAULT_WAIT_SECONDS = 60;

export function registerSend(program: Command, globals: () => GlobalOptions): void {
  program
    .command('send')
    .description('send a message to one or more numbers (now, or at a time with --at)')
    .option('--to <list>', 'numbers, separated by commas, semicolons, tabs or new lines')
    .option('--text <text>', 'the message (to numbers alone: sent exactly as given)')
    .option('--template <name>', 'a saved template, personalised per recipient and checked before sending')
    .option('--contact <ids>', 'contact ids (comma-separated; may repeat)', collect, [])
    .option('--category <name>', 'everyone in a contact category (may repeat)', collect, [])
    .option('--var <key=value>', 'a value for an {event.*} placeholder (may repeat)', collect, [])
    .option('--prefix', 'add the default prefix from the settings')
    .option('--suffix', 'add the default suffix (signature) from the settings')
    .option('--marketing', 'a marketing message (needs the opt-out text)')
    .option('--at <time>', 'ISO-8601 time; without an offset it is in the shop time zone')
    .option('--account <name>', 'provider account (default: the default account)')
    .option('--memo <text>', 'a note kept with the message, never sent')
    .option('--wait [seconds]', `send now from this process (or wait for the app) until every message is final (default ${DEFAULT_WAIT_SECONDS} s)`, (v) => parsePositiveNumber(v, '--wait'))
    .option('--json', 'print JSON')
    .action(async (opts: SendOptions) => {
      const waitSeconds = opts.wait === undefined || opts.wait === false ? null : opts.wait === true ? DEFAULT_WAIT_SECONDS : opts.wait;
      const composed = opts.template !== undefined || opts.contact.length > 0 || opts.category.length > 0;
      await withContext(globals(), { dispatch: waitSeconds !== null }, (ctx) => (composed ? runComposeSend(ctx, opts, waitSeconds) : runSend(ctx, opts, waitSeconds)));
    });
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function runSend(ctx: CliContext, opts: SendOptions, waitSeconds: number | null): Promise<void> {
  const { core, t } = ctx;
  if (opts.text === undefined) throw new CliExit(EXIT.badInput, t('composeCore.cli.templateOrText'));
  if (opts.to === undefined) throw new CliExit(EXIT.badInput, t('composeCore.cli.recipientsNeeded'));
  // Through the contract's validation, as every host does (limits on the memo, the text, the list).
  const result = (await core.call('messages.send', {
    to: opts.to,
    text: opts.text,
    origin: 'cli',
    ...(opts.at !== undefined ? { at: opts.at } : {}),
    ...(opts.account !== undefined ? { account: opts.account } : {}),
    ...(opts.memo !== undefined ? { memo: opts.memo } : {}),
  })) as MethodOutput<'messages.send'>;
  const rejected = result.rejected.map((r) => ({ to: r.to, code: r.code, reason: t(`common.rejection.${r.code}`) }));
  await finishSend(ctx, opts, waitSeconds, result.messages, rejected);
}

export interface RejectedLine {
  to: string;
  code: string;
  reason: string;
  params?: Record<string, string | number>;
}

/** After the messages are in the outbox: tell about the dispatcher, wait if asked, print, and pick the exit code. */
export async function finishSend(
  ctx: CliContext,
  opts: Pick<SendOptions, 'json'>,
  waitSeconds: number | null,
  created: MethodOutput<'messages.send'>['messages'],
  rejected: RejectedLine[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  const { core, t } = ctx;
  let messages = created;
  let timedOut = false;

  if (messages.length > 0 && waitSeconds === null) {
    const status = await core.api['dispatcher.status']({});
    if (!status.holder?.live) ctx.err(t('cli.noDispatcher'));
  }

  if (messages.length > 0 && waitSeconds !== null) {
    const deadline = Date.now() + waitSeconds * 1000;
    const statuses = new Map<number, MessageStatus>(messages.map((m) => [m.id, m.status]));
    let toldAboutHolder = false;
    for (;;) {
      await core.tick();
      for (const id of statuses.keys()) statuses.set(id, (await core.api['messages.get']({ id })).status);
      if ([...statuses.values()].every(isFinalStatus)) break;
      if (Date.now() >= deadline) {
        timedOut = true;
        break;
      }
      if (!toldAboutHolder) {
        const status = await core.api['dispatcher.status']({});
        if (!status.active && status.holder) {
          ctx.err(t('cli.waitingForHolder', { host: status.holder.host, pid: status.holder.pid }));
          toldAboutHolder = true;
        }
      }
      await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
    }
    messages = messages.map((m) => ({ ...m, status: statuses.get(m.id) ?? m.status }));
  }

  if (opts.json) {
    ctx.out(JSON.stringify({ messages, rejected, ...extra }, null, 2));
  } else {
    for (const m of messages) ctx.out(t('cli.message', { id: m.id, to: m.to, status: t(`common.status.${m.status}`) }));
    for (const r of rejected) ctx.err(t('cli.rejected', { to: r.to, reason: r.reason }));
  }
  if (messages.length === 0) throw new CliExit(EXIT.badInput, t('errors.recipients.allRejected'));
  if (timedOut) throw new CliExit(EXIT.timeout, t('cli.waitTimeout', { seconds: waitSeconds ?? 0 }));
}
