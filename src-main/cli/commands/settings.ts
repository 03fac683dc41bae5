// smsdesk settings list|get KEY|set KEY VALUE [--json] — every setting of the registry.
import { InvalidArgumentError, type Command } from 'commander';
import { isSettingKey, parseSettingText, settingKeys } from '../../../src-shared/settings/registry';
import { withContext, type GlobalOptions } from '../context';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function registerSettings(program: Command, globals: () => GlobalOptions): void {
  const settings = program.command('settings').description('read and change settings');

  settings
    .command('list')
    .description('every setting with its value')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const { settings: list } = await ctx.core.api['settings.list']({});
        if (opts.json) ctx.out(JSON.stringify({ settings: list }, null, 2));
        else for (const s of list) ctx.out(`${s.key} = ${show(s.value)}${s.isDefault ? `  (${ctx.t('cli.default')})` : ''}`);
      });
    });

  settings
    .command('get <key>')
    .description('one setting')
    .option('--json', 'print JSON')
    .action(async (key: string, opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        if (!isSettingKey(key)) throw new InvalidArgumentError(ctx.t('cli.unknownSetting', { key, keys: settingKeys.join(', ') }));
        const s = (await ctx.core.api['settings.list']({})).settings.find((x) => x.key === key)!;
        ctx.out(opts.json ? JSON.stringify(s) : show(s.value));
      });
    });

  settings
    .command('set <key> <value>')
    .description('change a setting')
    .option('--json', 'print JSON')
    .action(async (key: string, text: string, opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        if (!isSettingKey(key)) throw new InvalidArgumentError(ctx.t('cli.unknownSetting', { key, keys: settingKeys.join(', ') }));
        let value: unknown;
        try {
          value = parseSettingText(key, text);
        } catch (err) {
          const reason = (err as { issues?: { message: string }[] }).issues?.[0]?.message ?? String(err);
          throw new InvalidArgumentError(ctx.t('cli.badValue', { key, reason }));
        }
        const saved = await ctx.core.api['settings.set']({ key, value: value as string | number | boolean | null });
        ctx.out(opts.json ? JSON.stringify(saved) : `${saved.key} = ${show(saved.value)}`);
      });
    });
}
