// smsdesk api-keys list|create NAME|revoke ID [--json] — the integration API's keys. A new key is
// printed once (on stdout, alone on its line, for scripts); only its hash is kept.
import type { Command } from 'commander';
import { withContext, type GlobalOptions } from '../context';
import { parsePositiveInteger } from '../parse';

export function registerApiKeys(program: Command, globals: () => GlobalOptions): void {
  const keys = program.command('api-keys').description('keys of the local integration API');

  keys
    .command('list')
    .description('list API keys (never the keys themselves)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const { keys: list } = await ctx.core.api['integration.keys.list']({});
        if (opts.json) return ctx.out(JSON.stringify(list));
        if (list.length === 0) return ctx.out(ctx.t('integration.cli.none'));
        for (const k of list) {
          const state = k.revokedAt ? ctx.t('integration.keys.revoked') : ctx.t('integration.keys.active');
          ctx.out(`${k.id}\t${k.name}\t${k.prefix}…\t${state}\t${k.createdAt}`);
        }
      });
    });

  keys
    .command('create <name>')
    .description('create an API key and print it (shown only this once)')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const created = await ctx.core.api['integration.keys.create']({ name });
        if (opts.json) return ctx.out(JSON.stringify(created));
        ctx.err(ctx.t('integration.cli.created', { id: created.key.id, name: created.key.name }));
        ctx.out(created.secret);
      });
    });

  keys
    .command('revoke <id>')
    .description('revoke an API key: systems using it can no longer send')
    .action(async (idText: string) => {
      const id = parsePositiveInteger(idText);
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        await ctx.core.api['integration.keys.revoke']({ id });
        ctx.out(ctx.t('integration.cli.revoked', { id }));
      });
    });
}
