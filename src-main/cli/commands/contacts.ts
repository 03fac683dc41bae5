// smsdesk contacts import FILE [--region R] [--encoding E] [--on-duplicate skip|update|merge] [--json]
// smsdesk contacts export FILE [--format csv|xlsx]
// smsdesk contacts list [--search Q] [--category C] [--json]
// smsdesk contacts add --name N --phone P [--category C …] [--field key=value …] [--json]
// Everything goes through the contract (core.call), as every host does.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { importEncodings, onDuplicateModes, type ContactView, type ImportResult } from '../../../src-shared/api/contacts-schemas';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { isKnownRegion } from '../../../src-shared/phone/mobile';
import { CliExit, EXIT, withContext, type CliContext, type GlobalOptions } from '../context';

interface ImportOptions { region?: string; encoding: string; onDuplicate: string; json?: boolean }
interface ExportOptions { format?: string }
interface ListOptions { search?: string; category?: string; json?: boolean }
interface AddOptions { name: string; phone: string; category: string[]; field: string[]; json?: boolean }

const POLL_MS = 50;
const PAGE = 1000;
const collect = (value: string, previous: string[]) => [...previous, value];

function choose(ctx: CliContext, option: string, value: string, choices: readonly string[]): void {
  if (!choices.includes(value)) throw new CliExit(EXIT.badInput, ctx.t('contacts.errors.badOption', { option, value, choices: choices.join(', ') }));
}

function readInput(ctx: CliContext, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new CliExit(EXIT.badInput, ctx.t('contacts.errors.fileUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
}

export function registerContacts(program: Command, globals: () => GlobalOptions): void {
  const contacts = program.command('contacts').description('customers: import, export, list and add');

  contacts
    .command('import <file>')
    .description('import a CSV/TSV/TXT or XLSX file; rows with a number already known are skipped (or updated/merged)')
    .option('--region <code>', 'region for numbers without a country code (default: the shop region)')
    .option('--encoding <name>', `auto|${importEncodings.join('|')}`, 'auto')
    .option('--on-duplicate <mode>', onDuplicateModes.join('|'), 'skip')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: ImportOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runImport(ctx, file, opts));
    });

  contacts
    .command('export <file>')
    .description('write the contacts to a CSV (UTF-8 with BOM) or XLSX file')
    .option('--format <format>', 'csv|xlsx (default: from the file name, else csv)')
    .action(async (file: string, opts: ExportOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runExport(ctx, file, opts));
    });

  contacts
    .command('list')
    .description('list contacts, by name')
    .option('--search <text>', 'a fragment of the name, the number (e.g. its last 4 digits), notes, fields or a plate')
    .option('--category <name>', 'only contacts in this category')
    .option('--json', 'print JSON')
    .action(async (opts: ListOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runList(ctx, opts));
    });

  contacts
    .command('add')
    .description('add one contact')
    .requiredOption('--name <name>', 'the name')
    .requiredOption('--phone <number>', 'the mobile number as written')
    .option('--category <name>', 'a category (created when missing); may be repeated', collect, [])
    .option('--field <key=value>', 'a custom field value; may be repeated', collect, [])
    .option('--json', 'print JSON')
    .action(async (opts: AddOptions) => {
      await withContext(globals(), { dispatch: false }, (ctx) => runAdd(ctx, opts));
    });
}

async function runImport(ctx: CliContext, file: string, opts: ImportOptions): Promise<void> {
  const { core, t } = ctx;
  choose(ctx, '--encoding', opts.encoding, ['auto', ...importEncodings]);
  choose(ctx, '--on-duplicate', opts.onDuplicate, onDuplicateModes);
  const region = opts.region?.toUpperCase();
  if (region !== undefined && !isKnownRegion(region)) throw new CliExit(EXIT.badInput, t('contacts.errors.regionUnknown', { region: opts.region }));
  const fileInput = {
    fileBase64: readInput(ctx, file).toString('base64'),
    fileName: path.basename(file),
    encoding: opts.encoding,
    ...(region ? { region } : {}),
  };
  const preview = (await core.call('contacts.import.preview', fileInput)) as MethodOutput<'contacts.import.preview'>;
  const mapping = preview.rememberedMapping ?? preview.suggestedMapping;
  const { importId } = (await core.call('contacts.import.run', { ...fileInput, mapping, onDuplicate: opts.onDuplicate })) as MethodOutput<'contacts.import.run'>;
  let result: ImportResult;
  for (;;) {
    result = (await core.call('contacts.import.status', { importId })) as ImportResult;
    if (result.status !== 'running') break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  if (result.status === 'failed' && result.failure) throw new ApiError('validation', result.failure.key, result.failure.params);
  const errors = result.errors.map((e) => ({ line: e.line, code: e.code, reason: t(e.key, e.params ?? {}) }));
  if (opts.json) {
    ctx.out(JSON.stringify({ imported: result.imported, updated: result.updated, skipped: result.skipped, encoding: result.encoding, errors }, null, 2));
  } else {
    ctx.out(t('contacts.cli.imported', { imported: result.imported, updated: result.updated, skipped: result.skipped, encoding: result.encoding ?? 'xlsx' }));
    for (const e of errors) ctx.err(t('contacts.cli.rowError', { line: e.line, reason: e.reason }));
  }
}

async function runExport(ctx: CliContext, file: string, opts: ExportOptions): Promise<void> {
  const format = opts.format ?? (/\.xlsx$/i.test(file) ? 'xlsx' : 'csv');
  choose(ctx, '--format', format, ['csv', 'xlsx']);
  const out = (await ctx.core.call('contacts.export', { format })) as MethodOutput<'contacts.export'>;
  try {
    fs.writeFileSync(file, Buffer.from(out.fileBase64, 'base64'));
  } catch (err) {
    throw new CliExit(EXIT.badInput, ctx.t('contacts.errors.fileUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
  ctx.out(ctx.t('contacts.cli.exported', { count: out.count, file }));
}

async function runList(ctx: CliContext, opts: ListOptions): Promise<void> {
  const { core, t } = ctx;
  const { categories } = (await core.call('contacts.categories.list', {})) as MethodOutput<'contacts.categories.list'>;
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const filter: Record<string, unknown> = {};
  if (opts.search) filter.search = opts.search;
  if (opts.category !== undefined) {
    const category = categories.find((c) => c.name === opts.category);
    if (!category) throw new CliExit(EXIT.badInput, t('contacts.errors.categoryUnknown', { name: opts.category }));
    filter.categoryIds = [category.id];
  }
  const all: ContactView[] = [];
  let cursor: string | null = null;
  do {
    const page = (await core.call('contacts.list', { filter, limit: PAGE, ...(cursor ? { cursor } : {}) })) as MethodOutput<'contacts.list'>;
    all.push(...page.contacts);
    cursor = page.nextCursor;
  } while (cursor);
  const rows = all.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    categories: c.categoryIds.map((id) => names.get(id)).filter((n): n is string => !!n),
    birthday: c.birthday,
    fields: c.fields,
    vehicles: c.vehicles.map(({ id: _id, ...v }) => v),
    optOut: c.optOut.flag,
  }));
  if (opts.json) {
    ctx.out(JSON.stringify({ contacts: rows }, null, 2));
    return;
  }
  if (rows.length === 0) {
    ctx.out(t('contacts.cli.none'));
    return;
  }
  for (const r of all) {
    const cats = r.categoryIds.map((id) => names.get(id)).filter(Boolean).join(', ');
    ctx.out([`#${r.id}`, `${r.name}${r.honorific}`, r.phoneNational, cats, r.vehicles.map((v) => v.plate).join(' ')].filter(Boolean).join('\t'));
  }
  ctx.out(t('contacts.cli.total', { count: rows.length }));
}

async function runAdd(ctx: CliContext, opts: AddOptions): Promise<void> {
  const { core, t } = ctx;
  const fields: Record<string, string> = {};
  for (const arg of opts.field) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new CliExit(EXIT.badInput, t('contacts.errors.fieldArgument', { arg }));
    fields[arg.slice(0, eq).trim()] = arg.slice(eq + 1);
  }
  const categoryIds: number[] = [];
  if (opts.category.length) {
    const { categories } = (await core.call('contacts.categories.list', {})) as MethodOutput<'contacts.categories.list'>;
    for (const name of opts.category) {
      const found = categories.find((c) => c.name === name.trim());
      categoryIds.push(found ? found.id : ((await core.call('contacts.categories.create', { name })) as { id: number }).id);
    }
  }
  const contact = (await core.call('contacts.create', {
    name: opts.name, phone: opts.phone,
    ...(categoryIds.length ? { categoryIds } : {}),
    ...(Object.keys(fields).length ? { fields } : {}),
  })) as ContactView;
  if (opts.json) ctx.out(JSON.stringify({ id: contact.id, name: contact.name, phone: contact.phone }, null, 2));
  else ctx.out(t('contacts.cli.added', { id: contact.id, name: contact.name, phone: contact.phoneNational }));
}
