// `smsdesk send` with a template or contact recipients: the draft goes through the compose core
// (placeholders per recipient, prefix/suffix, the pre-send check). Errors of the check about recipients
// become `rejected` entries with their codes; errors about the whole send end with exit code 2;
// warnings go to stderr (the operator ran the command: an explicit send goes after a warning).
import { checkCodes, type CheckCode, type ComposeDraft } from '../../../src-shared/api/compose-schemas';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { CliExit, EXIT, type CliContext } from '../context';
import { finishSend, type RejectedLine, type SendOptions } from './send';

function parseIds(ctx: CliContext, values: string[]): number[] {
  const ids: number[] = [];
  for (const v of values.flatMap((x) => x.split(/[\s,]+/)).filter(Boolean)) {
    if (!/^\d{1,12}$/.test(v) || Number(v) < 1) throw new CliExit(EXIT.badInput, ctx.t('errors.validation.invalidInput') + ` (--contact ${v.slice(0, 20)})`);
    ids.push(Number(v));
  }
  return ids;
}

function parseVars(ctx: CliContext, values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 1) throw new CliExit(EXIT.badInput, ctx.t('errors.validation.invalidInput') + ` (--var ${v.slice(0, 40)})`);
    out[v.slice(0, eq).trim()] = v.slice(eq + 1);
  }
  return out;
}

export async function runComposeSend(ctx: CliContext, opts: SendOptions, waitSeconds: number | null): Promise<void> {
  const { core, t } = ctx;
  if ((opts.template === undefined) === (opts.text === undefined)) throw new CliExit(EXIT.badInput, t('composeCore.cli.templateOrText'));
  const contactIds = parseIds(ctx, opts.contact);
  let categoryIds: number[] = [];
  if (opts.category.length > 0) {
    const { categories } = await core.api['contacts.categories.list']({});
    categoryIds = opts.category.map((name) => {
      const found = categories.find((c) => c.name === name.trim());
      if (!found) throw new CliExit(EXIT.badInput, t('composeCore.cli.categoryNotFound', { name }));
      return found.id;
    });
  }
  if (opts.to === undefined && contactIds.length === 0 && categoryIds.length === 0) throw new CliExit(EXIT.badInput, t('composeCore.cli.recipientsNeeded'));

  let text = opts.text ?? '';
  let templateId: number | undefined;
  let purpose: 'notification' | 'marketing' = opts.marketing ? 'marketing' : 'notification';
  if (opts.template !== undefined) {
    const { templates } = await core.api['templates.list']({ search: opts.template.slice(0, 200) });
    const template = templates.find((x) => x.name === opts.template);
    if (!template) throw new CliExit(EXIT.badInput, t('composeCore.errors.templateNameNotFound', { name: opts.template }));
    text = template.body;
    templateId = template.id;
    if (template.purpose === 'marketing') purpose = 'marketing';
  }

  const draft: ComposeDraft = {
    recipients: {
      ...(opts.to !== undefined ? { numbers: opts.to } : {}),
      ...(contactIds.length ? { contactIds } : {}),
      ...(categoryIds.length ? { filter: { categoryIds } } : {}),
    },
    text,
    purpose,
    usePrefix: opts.prefix === true,
    useSuffix: opts.suffix === true,
    ...(templateId !== undefined ? { templateId } : {}),
    ...(opts.var.length ? { variables: parseVars(ctx, opts.var) } : {}),
    ...(opts.at !== undefined ? { at: opts.at } : {}),
    ...(opts.account !== undefined ? { account: opts.account } : {}),
    ...(opts.memo !== undefined ? { memo: opts.memo } : {}),
  };

  // Warnings are printed, not asked about: running the command is the operator's explicit send.
  const result = (await core.call('compose.send', { draft, leaveOut: true, acknowledged: [...checkCodes] as CheckCode[], origin: 'cli' })) as MethodOutput<'compose.send'>;
  const { report } = result;

  const warnings = report.issues.filter((i) => i.severity === 'warning');
  for (const w of warnings) {
    ctx.err(t('composeCore.cli.warning', { message: t(`composeCore.checks.${w.code}`, { count: w.count, ...(w.params ?? {}) }) }));
    // The ISO time works as it is with --at.
    if (w.code === 'quiet_hours' && report.quietUntil) ctx.err(t('composeCore.cli.quietUntil', { time: report.quietUntil }));
  }
  const rejected: RejectedLine[] = result.rejected.map((r) => ({
    to: r.to,
    code: r.code,
    reason: t(`composeCore.details.${r.code}`, { ...(r.params ?? {}), defaultValue: r.code }),
    ...(r.params ? { params: r.params } : {}),
  }));
  await finishSend(ctx, opts, waitSeconds, result.messages, rejected, {
    warnings: warnings.map((w) => ({ code: w.code, count: w.count, ...(w.params ? { params: w.params } : {}) })),
    totals: report.totals,
  });
}
