// smsdesk rules list [--json]
// smsdesk rules add --name N --template T [--preset P] [--daily | --weekly DAYS | --monthly N | --cron EXPR]
//                   [--time HH:MM] [--tz Z] [--account A] [--category C …] [--no-prefix] [--no-suffix]
//                   [--disabled] [--json]
// smsdesk rules enable ID | disable ID
// smsdesk rules preview ID [--limit N] [--json]
// smsdesk rules run-now ID [--json]
// Everything goes through the contract (core.call), as every host does. Rules fire in `smsdesk run`.
import { Option, type Command } from 'commander';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { rulePresets, type RuleCadence, type RuleView } from '../../../src-shared/api/rules-schemas';
import { formatDateTime } from '../../../src-shared/format/datetime';
import { describeCadence, describeTarget, zoneToShow } from '../../../src-shared/rules/describe';
import { presetDefaults } from '../../../src-shared/rules/presets';
import { intlLocale } from '../../../src-shared/i18n/languages';
import { CliExit, EXIT, withContext, type CliContext, type GlobalOptions } from '../context';

interface AddOptions {
  name: string; template: string; preset?: string; daily?: boolean; weekly?: string; monthly?: string; cron?: string;
  time?: string; tz?: string; zone?: string; account?: string; category: string[]; disabled?: boolean; json?: boolean;
  /** Commander's --no-prefix / --no-suffix: true unless switched off. */
  prefix: boolean; suffix: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function ruleId(ctx: CliContext, text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) throw new CliExit(EXIT.badInput, ctx.t('rules.cli.badId', { id: text }));
  return id;
}

const when = (ctx: CliContext, iso: string | null, zone: string) => (iso ? formatDateTime(iso, intlLocale[ctx.language], zone, 'minute') : ctx.t('rules.cli.never'));

/** The shop's zone, so a rule in another zone says so ("09:00 Asia/Tokyo"). */
async function shopZone(ctx: CliContext): Promise<string> {
  return ((await ctx.core.call('app.info', {})) as MethodOutput<'app.info'>).timeZone;
}

function line(ctx: CliContext, r: RuleView, shopTimeZone: string): string {
  const state = r.enabled ? ctx.t('rules.cli.on') : ctx.t('rules.cli.off');
  const missed = r.missed > 0 ? ctx.t('rules.cli.missed', { count: r.missed }) : '';
  const zone = zoneToShow(r.timeZone, shopTimeZone);
  const next = when(ctx, r.nextRunAt, r.timeZone);
  return [`#${r.id}`, state, r.name, describeCadence(r.cadence, r.time, ctx.t, intlLocale[ctx.language], zone), describeTarget(r, ctx.t),
    ctx.t('rules.cli.next', { at: zone && r.nextRunAt ? `${next} ${zone}` : next }), missed].filter(Boolean).join('\t');
}

function cadenceOf(ctx: CliContext, o: AddOptions): RuleCadence | undefined {
  const chosen = [o.daily, o.weekly, o.monthly, o.cron].filter((v) => v !== undefined && v !== false).length;
  if (chosen > 1) throw new CliExit(EXIT.badInput, ctx.t('rules.cli.oneCadence'));
  if (o.daily) return { kind: 'daily' };
  if (o.weekly !== undefined) {
    const days = o.weekly.split(/[,\s]+/).filter(Boolean).map(Number);
    if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) throw new CliExit(EXIT.badInput, ctx.t('rules.cli.badWeekly', { value: o.weekly }));
    return { kind: 'weekly', days };
  }
  if (o.monthly !== undefined) {
    const day = Number(o.monthly);
    if (!Number.isInteger(day) || day < 1 || day > 31) throw new CliExit(EXIT.badInput, ctx.t('rules.cli.badMonthly', { value: o.monthly }));
    return { kind: 'monthly', day };
  }
  if (o.cron !== undefined) return { kind: 'cron', expression: o.cron };
  return undefined;
}

async function templateId(ctx: CliContext, text: string): Promise<number> {
  if (/^\d+$/.test(text)) return Number(text);
  const { templates } = (await ctx.core.call('templates.list', {})) as MethodOutput<'templates.list'>;
  const found = templates.find((tpl) => tpl.name === text.trim());
  if (!found) throw new CliExit(EXIT.badInput, ctx.t('rules.cli.templateUnknown', { name: text }));
  return found.id;
}

async function runAdd(ctx: CliContext, o: AddOptions): Promise<void> {
  const { core, t } = ctx;
  if (o.preset !== undefined && !(rulePresets as readonly string[]).includes(o.preset)) {
    throw new CliExit(EXIT.badInput, t('rules.cli.badPreset', { value: o.preset, choices: rulePresets.join(', ') }));
  }
  const preset = o.preset as (typeof rulePresets)[number] | undefined;
  const defaults = preset ? presetDefaults[preset] : undefined;
  const cadence = cadenceOf(ctx, o) ?? defaults?.cadence ?? { kind: 'daily' as const };
  const time = o.time ?? (cadence.kind === 'cron' ? undefined : defaults?.time);
  const categoryIds: number[] = [];
  if (o.category.length) {
    const { categories } = (await core.call('contacts.categories.list', {})) as MethodOutput<'contacts.categories.list'>;
    for (const name of o.category) {
      const found = categories.find((c) => c.name === name.trim());
      if (!found) throw new CliExit(EXIT.badInput, t('contacts.errors.categoryUnknown', { name }));
      categoryIds.push(found.id);
    }
  }
  const target = { filter: { ...(defaults?.target.filter ?? {}), ...(categoryIds.length ? { categoryIds } : {}) }, conditions: defaults?.target.conditions ?? [] };
  const zone = o.tz ?? o.zone;
  const rule = (await core.call('rules.create', {
    name: o.name, enabled: !o.disabled, preset: preset ?? null, target, templateId: await templateId(ctx, o.template), cadence,
    ...(time ? { time } : {}), ...(zone ? { timeZone: zone } : {}), ...(o.account ? { account: o.account } : {}),
    usePrefix: o.prefix, useSuffix: o.suffix,
  })) as RuleView;
  if (o.json) ctx.out(JSON.stringify(rule, null, 2));
  else {
    const shown = zoneToShow(rule.timeZone, await shopZone(ctx));
    const next = when(ctx, rule.nextRunAt, rule.timeZone);
    ctx.out(t('rules.cli.added', { id: rule.id, name: rule.name, next: shown && rule.nextRunAt ? `${next} ${shown}` : next }));
  }
}

export function registerRules(program: Command, globals: () => GlobalOptions): void {
  const rules = program.command('rules').description('reminder rules: list, add, switch on or off, preview, run now');

  rules.command('list').description('list the rules with their next run').option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const { rules: all } = (await ctx.core.call('rules.list', {})) as MethodOutput<'rules.list'>;
        if (opts.json) return ctx.out(JSON.stringify({ rules: all }, null, 2));
        if (all.length === 0) return ctx.out(ctx.t('rules.cli.none'));
        const shop = await shopZone(ctx);
        for (const r of all) ctx.out(line(ctx, r, shop));
      });
    });

  rules.command('add').description('add a rule (a preset fills in the target, cadence and time)')
    .requiredOption('--name <name>', 'the rule\'s name')
    .requiredOption('--template <id or name>', 'the template it sends')
    .option('--preset <preset>', rulePresets.join('|'))
    .option('--daily', 'every day')
    .option('--weekly <days>', 'on these weekdays, 0 = Sunday … 6 = Saturday (e.g. 1,3,5)')
    .option('--monthly <day>', 'on this day of the month (the last day in shorter months)')
    .option('--cron <expression>', 'a 5-field cron expression (minute hour day month weekday)')
    .option('--time <HH:MM>', 'time of day (not with --cron)')
    .option('--tz <zone>', 'IANA time zone the time is read in, e.g. Asia/Tokyo (default: the shop\'s)')
    .addOption(new Option('--zone <zone>', 'the same as --tz').hideHelp())
    .option('--account <name>', 'send through this account (default: the default account)')
    .option('--category <name>', 'only contacts in this category; may be repeated', collect, [])
    .option('--no-prefix', 'do not add the default prefix (the sender tag) from the settings')
    .option('--no-suffix', 'do not add the shop\'s signature from the settings')
    .option('--disabled', 'add it switched off')
    .option('--json', 'print JSON')
    .action(async (opts: AddOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runAdd(ctx, opts));
    });

  for (const [command, enabled] of [['enable', true], ['disable', false]] as const) {
    rules.command(`${command} <id>`).description(enabled ? 'switch a rule on' : 'switch a rule off')
      .action(async (id: string) => {
        await withContext(globals(), { dispatch: false }, async (ctx) => {
          const r = (await ctx.core.call('rules.setEnabled', { id: ruleId(ctx, id), enabled })) as RuleView;
          ctx.out(line(ctx, r, await shopZone(ctx)));
        });
      });
  }

  rules.command('preview <id>').description('the next run: when, who would receive it, and the texts (sends nothing)')
    .option('--limit <n>', 'how many texts to show', '5')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { limit: string; json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new CliExit(EXIT.badInput, ctx.t('rules.cli.badLimit', { value: opts.limit }));
        const rule = (await ctx.core.call('rules.get', { id: ruleId(ctx, id) })) as RuleView;
        const p = (await ctx.core.call('rules.preview', { id: rule.id, limit })) as MethodOutput<'rules.preview'>;
        if (opts.json) return ctx.out(JSON.stringify(p, null, 2));
        if (!p.occurrenceAt) return ctx.out(ctx.t('rules.cli.noNextRun'));
        const zone = zoneToShow(rule.timeZone, await shopZone(ctx));
        const at = when(ctx, p.occurrenceAt, rule.timeZone);
        ctx.out(ctx.t('rules.cli.previewHead', { at: zone ? `${at} ${zone}` : at, count: p.recipients }));
        for (const s of p.samples) ctx.out(`${s.name}\t${s.to}\t${s.text}`);
        if (p.recipients > p.samples.length) ctx.out(ctx.t('rules.cli.andMore', { count: p.recipients - p.samples.length }));
      });
    });

  rules.command('run-now <id>').description('run the rule now (each contact once per run)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withContext(globals(), { dispatch: false }, async (ctx) => {
        const r = (await ctx.core.call('rules.runNow', { id: ruleId(ctx, id) })) as MethodOutput<'rules.runNow'>;
        if (opts.json) return ctx.out(JSON.stringify(r, null, 2));
        ctx.out(ctx.t('rules.cli.ran', { queued: r.queued, skipped: r.skipped, already: r.already }));
      });
    });
}
