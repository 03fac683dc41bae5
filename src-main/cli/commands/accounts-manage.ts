// smsdesk accounts add | update | remove | test — adding and checking provider accounts from scripts.
// A password comes from --password or, better (it stays out of the shell history and `ps`), from
// --password-stdin. Nothing printed ever contains it. A refusal by the provider exits 2 with one
// translated line that names the provider's code.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { AccountVerification } from '../../../src-shared/api/schemas';
import { providerNames } from '../../../src-shared/api/schemas';
import { CliExit, EXIT, withContext, type CliContext, type GlobalOptions } from '../context';

interface CredentialOptions {
  username?: string;
  password?: string;
  passwordStdin?: boolean;
  from?: string;
  baseUrl?: string;
  price?: number;
  priceInternational?: number;
  verify: boolean;
  json?: boolean;
}

function parsePrice(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a price (a number ≥ 0)`);
  return n;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // Only the line ending a pipe or here-string adds; spaces may be part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** The password from exactly one of --password / --password-stdin, or undefined. */
async function passwordFrom(opts: CredentialOptions, ctx: CliContext): Promise<string | undefined> {
  if (opts.password !== undefined && opts.passwordStdin) throw new CliExit(EXIT.badInput, ctx.t('accounts.cli.passwordTwice'));
  if (opts.passwordStdin) {
    const secret = await readStdin();
    if (!secret) throw new CliExit(EXIT.badInput, ctx.t('accounts.cli.passwordEmpty'));
    return secret;
  }
  if (opts.password === '') throw new CliExit(EXIT.badInput, ctx.t('accounts.cli.passwordEmpty'));
  return opts.password;
}

/** One line about the credentials check (a balance when the provider told one). */
function verificationLine(v: AccountVerification, account: string, ctx: CliContext): string {
  const locale = ctx.language === 'en' ? 'en-US' : ctx.language;
  if (v.status === 'ok') {
    return v.balance !== null
      ? ctx.t('accounts.cli.verifiedBalance', { account, balance: v.balance.toLocaleString(locale), unit: v.unit ?? '' })
      : ctx.t('accounts.cli.verified', { account });
  }
  if (v.status === 'skipped') return ctx.t('accounts.cli.notVerified', { account });
  if (v.status === 'unsupported') return ctx.t('accounts.cli.cannotVerify', { account });
  const reason = v.problem ? ctx.t(v.problem.key, { ...(v.problem.params ?? {}), defaultValue: v.problem.key }) : '';
  return ctx.t('accounts.cli.verifyFailed', { account, reason });
}

const credentialOptions = (cmd: Command): Command =>
  cmd
    .option('--username <user>', 'TwSMS/EVERY8D/Mitake user id, or the Twilio Account SID')
    .option('--password <password>', 'password or Twilio Auth Token (prefer --password-stdin)')
    .option('--password-stdin', 'read the password or token from standard input')
    .option('--from <sender>', 'sender: Twilio From number, alphanumeric ID or Messaging Service SID (MG…)')
    .option('--base-url <url>', 'replace the provider\'s scheme and host (e.g. a proxy); paths stay as documented')
    .option('--price <n>', 'price per segment, domestic', parsePrice)
    .option('--price-international <n>', 'price per segment, international', parsePrice)
    .option('--no-verify', 'store without asking the provider whether the credentials work')
    .option('--json', 'print JSON');

export function registerAccountManagement(accounts: Command, globals: () => GlobalOptions): void {
  credentialOptions(
    accounts
      .command('add')
      .description('add a provider account (the credentials are checked with a balance call)')
      .addOption(new Option('--provider <name>', 'sandbox | twsms | every8d | mitake | twilio').choices([...providerNames]).makeOptionMandatory())
      .requiredOption('--name <name>', 'the account\'s name in smsdesk')
      .option('--default', 'make it the default account'),
  ).action(async (opts: CredentialOptions & { provider: (typeof providerNames)[number]; name: string; default?: boolean }) => {
    await withContext(globals(), { dispatch: false }, async (ctx) => {
      const password = await passwordFrom(opts, ctx);
      const result = await ctx.core.api['accounts.add']({
        provider: opts.provider,
        name: opts.name,
        ...(opts.username !== undefined ? { username: opts.username } : {}),
        ...(password !== undefined ? { password } : {}),
        ...(opts.from !== undefined ? { sender: opts.from } : {}),
        ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
        ...(opts.price !== undefined ? { priceDomestic: opts.price } : {}),
        ...(opts.priceInternational !== undefined ? { priceInternational: opts.priceInternational } : {}),
        ...(opts.default ? { default: true } : {}),
        ...(opts.verify ? {} : { noVerify: true }),
      });
      const a = result.account;
      if (opts.json) {
        ctx.out(JSON.stringify({ account: { name: a.name, provider: a.provider, default: a.default, username: a.username, sender: a.sender, baseUrl: a.baseUrl }, verification: result.verification }));
        return;
      }
      ctx.out(ctx.t('accounts.cli.added', { account: a.name, provider: ctx.t(`common.provider.${a.provider}`) }));
      ctx.out(verificationLine(result.verification, a.name, ctx));
    });
  });

  credentialOptions(
    accounts
      .command('update <name>')
      .description('change an account (a new password or address is checked with the provider)')
      .option('--new-name <name>', 'rename it'),
  ).action(async (name: string, opts: CredentialOptions & { newName?: string }) => {
    await withContext(globals(), { dispatch: false }, async (ctx) => {
      const password = await passwordFrom(opts, ctx);
      const result = await ctx.core.api['accounts.update']({
        name,
        ...(opts.newName !== undefined ? { newName: opts.newName } : {}),
        ...(opts.username !== undefined ? { username: opts.username } : {}),
        ...(password !== undefined ? { password } : {}),
        ...(opts.from !== undefined ? { sender: opts.from || null } : {}),
        ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl || null } : {}),
        ...(opts.price !== undefined ? { priceDomestic: opts.price } : {}),
        ...(opts.priceInternational !== undefined ? { priceInternational: opts.priceInternational } : {}),
        ...(opts.verify ? {} : { noVerify: true }),
      });
      if (opts.json) {
        ctx.out(JSON.stringify({ account: { name: result.account.name, provider: result.account.provider }, verification: result.verification }));
        return;
      }
      ctx.out(ctx.t('accounts.cli.updated', { account: result.account.name }));
      if (result.verification.status !== 'skipped') ctx.out(verificationLine(result.verification, result.account.name, ctx));
    });
  });

  accounts
    .command('remove <name>')
    .description('remove an account (refused while it has waiting messages, unless they move)')
    .option('--move-to <account>', 'give its waiting messages to this account')
    .option('--move-to-default', 'give its waiting messages to the default account')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { moveTo?: string; moveToDefault?: boolean; json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        let moveTo = opts.moveTo;
        if (opts.moveToDefault) {
          if (moveTo !== undefined) throw new CliExit(EXIT.badInput, ctx.t('accounts.cli.moveTwice'));
          moveTo = (await ctx.core.api['app.info']({})).defaultAccount ?? undefined;
        }
        const result = await ctx.core.api['accounts.remove']({ name, ...(moveTo !== undefined ? { moveTo } : {}) });
        if (opts.json) {
          ctx.out(JSON.stringify({ removed: result.removed, moved: result.moved }));
          return;
        }
        ctx.out(ctx.t('accounts.cli.removed', { account: result.removed }));
        if (result.moved > 0) ctx.out(ctx.t('accounts.cli.moved', { count: result.moved, target: moveTo ?? '' }));
      });
    });

  accounts
    .command('test [name]')
    .description('ask the provider whether the account\'s credentials work (default account when NAME is left out)')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const result = await ctx.core.api['accounts.test'](name ? { name } : {});
        if (opts.json) ctx.out(JSON.stringify(result));
        else ctx.out(verificationLine(result.verification, result.account, ctx));
        // A definite refusal is bad input (the stored credentials); not being able to ask is a failure.
        if (result.verification.status === 'refused') throw new CliExit(EXIT.badInput);
        if (result.verification.status === 'failed') throw new CliExit(EXIT.failure);
      });
    });
}
