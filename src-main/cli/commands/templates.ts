// smsdesk templates list [--search Q] [--category C] [--json]
// smsdesk templates add NAME --body TEXT [--category C] [--marketing] [--event KIND] [--json]
// smsdesk templates remove ID|NAME
// Through the contract (core.call), as every host does.
import type { Command } from 'commander';
import { eventKinds, type TemplateView } from '../../../src-shared/api/compose-schemas';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { CliExit, EXIT, withContext, type CliContext, type GlobalOptions } from '../context';

interface ListOptions { search?: string; category?: string; json?: boolean }
interface AddOptions { body: string; category?: string; marketing?: boolean; event?: string; json?: boolean }

export function registerTemplates(program: Command, globals: () => GlobalOptions): void {
  const templates = program.command('templates').description('phrase templates: list, add, remove');

  templates
    .command('list')
    .description('list templates, most recently used first')
    .option('--search <text>', 'in the name, the text or the category')
    .option('--category <name>', 'only this category')
    .option('--json', 'print JSON')
    .action(async (opts: ListOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runList(ctx, opts));
    });

  templates
    .command('add <name>')
    .description('add a template (placeholders in braces: {姓名}, {name}, {店名}, {event.amount} …)')
    .requiredOption('--body <text>', 'the text of the template')
    .option('--category <name>', 'a category to file it under')
    .option('--marketing', 'a marketing template (the check asks for the opt-out text)')
    .option('--event <kind>', `the template of an event for the integration API: ${eventKinds.join('|')}`)
    .option('--json', 'print JSON')
    .action(async (name: string, opts: AddOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runAdd(ctx, name, opts));
    });

  templates
    .command('remove <idOrName>')
    .description('remove a template by its number or its name')
    .action(async (idOrName: string) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runRemove(ctx, idOrName));
    });
}

async function runList(ctx: CliContext, opts: ListOptions): Promise<void> {
  const result = (await ctx.core.call('templates.list', {
    ...(opts.search !== undefined ? { search: opts.search } : {}),
    ...(opts.category !== undefined ? { category: opts.category } : {}),
  })) as MethodOutput<'templates.list'>;
  if (opts.json) {
    ctx.out(JSON.stringify(result.templates, null, 2));
    return;
  }
  if (result.templates.length === 0) ctx.out(ctx.t('composeCore.cli.listEmpty'));
  for (const tpl of result.templates) ctx.out(`#${tpl.id}\t${tpl.name}\t${tpl.category ?? ''}\t${tpl.body.replace(/\s*\n\s*/g, ' ')}`);
}

async function runAdd(ctx: CliContext, name: string, opts: AddOptions): Promise<void> {
  if (opts.event !== undefined && !(eventKinds as readonly string[]).includes(opts.event)) {
    throw new CliExit(EXIT.badInput, `${ctx.t('errors.validation.invalidInput')} (--event ${opts.event.slice(0, 20)}: ${eventKinds.join('|')})`);
  }
  const saved = (await ctx.core.call('templates.save', {
    name,
    body: opts.body,
    purpose: opts.marketing ? 'marketing' : 'notification',
    ...(opts.category !== undefined ? { category: opts.category } : {}),
    ...(opts.event !== undefined ? { eventKind: opts.event } : {}),
  })) as TemplateView;
  if (opts.json) ctx.out(JSON.stringify(saved, null, 2));
  else ctx.out(ctx.t('composeCore.cli.added', { id: saved.id, name: saved.name }));
}

async function runRemove(ctx: CliContext, idOrName: string): Promise<void> {
  let id: number | undefined = /^\d{1,12}$/.test(idOrName) ? Number(idOrName) : undefined;
  if (id === undefined) {
    const { templates } = (await ctx.core.call('templates.list', { search: idOrName.slice(0, 200) })) as MethodOutput<'templates.list'>;
    id = templates.find((x) => x.name === idOrName)?.id;
    if (id === undefined) throw new CliExit(EXIT.badInput, ctx.t('composeCore.errors.templateNameNotFound', { name: idOrName }));
  }
  await ctx.core.call('templates.remove', { id });
  ctx.out(ctx.t('composeCore.cli.removed', { id }));
}
