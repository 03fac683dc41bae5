// smsdesk accounts list [--json] | accounts balance [NAME] [--json] — never prints a password.
import type { Command } from 'commander';
import { withContext, type GlobalOptions } from '../context';
import { registerAccountManagement } from './accounts-manage';

export function registerAccounts(program: Command, globals: () => GlobalOptions): void {
  const accounts = program.command('accounts').description('SMS provider accounts');

  accounts
    .command('list')
    .description('the accounts, the default first')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const list = (await ctx.core.api['accounts.list']({})).accounts;
        if (opts.json) {
          const rows = list.map((a) => ({ name: a.name, provider: a.provider, default: a.default, baseUrl: a.baseUrl, username: a.username }));
          ctx.out(JSON.stringify({ accounts: rows }, null, 2));
          return;
        }
        for (const a of list) ctx.out(`${a.default ? '*' : ' '} ${a.name}  ${ctx.t(`common.provider.${a.provider}`)}${a.username ? `  ${a.username}` : ''}${a.baseUrl ? `  ${a.baseUrl}` : ''}${a.secretState === 'needed' ? `  (${ctx.t('accounts.passwordNeeded')})` : ''}`);
      });
    });

  accounts
    .command('balance [name]')
    .description('the remaining balance (default account when NAME is left out)')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const b = await ctx.core.api['accounts.balance'](name ? { name } : {});
        if (opts.json) {
          ctx.out(JSON.stringify(b.supported ? { account: b.account, balance: b.balance, unit: b.unit } : { account: b.account, balance: null, unit: null, supported: false }));
        } else if (!b.supported) {
          ctx.out(ctx.t('cli.balanceUnsupported', { account: b.account }));
        } else {
          ctx.out(ctx.t('cli.balance', { account: b.account, balance: b.balance?.toLocaleString(ctx.language === 'en' ? 'en-US' : ctx.language), unit: b.unit ?? '' }));
        }
      });
    });

  registerAccountManagement(accounts, globals);
}
