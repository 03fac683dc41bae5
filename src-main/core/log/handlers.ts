// The log and reports methods: the filtered list, counts per status, the export and the report
// summary. The contract's filter (names, ISO times) becomes the repository's (ids, epoch ms) here.
import type { ApiHandlers, ParsedInput } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { EXPORT_MAX_ROWS, type LogFilterInput } from '../../../src-shared/api/log-schemas';
import { createI18n, type Language } from '../../../src-shared/i18n';
import type { AccountsService } from '../accounts/service';
import type { Db } from '../db/client';
import { reportSummary } from '../reports/summary';
import type { SettingsService } from '../settings/service';
import { exportLog } from './export';
import type { LogFilter } from './filter';
import { createLogRepository, toLogView } from './repository';

type LogMethods = 'messages.list' | 'messages.get' | 'messages.counts' | 'messages.export' | 'reports.summary';

export function toLogFilter(input: LogFilterInput, accounts: Pick<AccountsService, 'byName'>): LogFilter {
  const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const f: LogFilter = {};
  if (input.status?.length) f.status = input.status;
  if (input.origin?.length) f.origin = input.origin;
  if (input.since) f.since = Date.parse(input.since);
  if (input.until) f.until = Date.parse(input.until);
  const accountId = input.accountId ?? (input.account ? accounts.byName(input.account).id : undefined);
  if (accountId !== undefined) f.accountId = accountId;
  if (input.templateId !== undefined) f.templateId = input.templateId;
  if (input.ruleId !== undefined) f.ruleId = input.ruleId;
  if (input.template?.trim()) f.templateName = input.template.trim();
  if (input.rule?.trim()) f.ruleName = input.rule.trim();
  for (const key of ['search', 'recipient', 'text', 'memo', 'operator'] as const) {
    const v = trimmed(input[key]);
    if (v !== undefined) f[key] = v;
  }
  return f;
}

export type LogHandlers = Pick<ApiHandlers, LogMethods>;

export function createLogHandlers(deps: { db: Db; accounts: AccountsService; settings: SettingsService }): LogHandlers {
  const repo = createLogRepository(deps.db);
  const translators = new Map<string, ReturnType<typeof createI18n>['t']>();
  /** The translator for the current language, looked up once per call (an export translates 100k rows). */
  const translator = () => {
    const language = deps.settings.get('ui.language') as Language;
    let tr = translators.get(language);
    if (!tr) translators.set(language, (tr = createI18n(language).t));
    const t = tr;
    return (key: string, params?: Record<string, unknown>): string => t(key, params ?? {});
  };
  const zone = () => deps.settings.get('shop.timeZone') as string;
  const region = () => deps.settings.get('shop.region') as string;

  return {
    'messages.list': (input: ParsedInput<'messages.list'>) => {
      const { limit, beforeId, ...filter } = input;
      const rows = repo.page(toLogFilter(filter, deps.accounts), limit, beforeId);
      return { messages: rows.map(toLogView), nextBeforeId: rows.length === limit ? rows[rows.length - 1]!.id : null };
    },
    'messages.get': ({ id }) => {
      const row = repo.get(id);
      if (!row) throw new ApiError('not_found', 'errors.notFound.message', { id });
      return toLogView(row);
    },
    'messages.counts': (input) => {
      const counts = repo.counts(toLogFilter(input, deps.accounts));
      return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
    },
    'messages.export': async ({ format, filter, limit }) => {
      const logFilter = toLogFilter(filter ?? {}, deps.accounts);
      const max = limit ?? EXPORT_MAX_ROWS;
      const out = await exportLog(format, logFilter, max, { repo, t: translator(), timeZone: zone(), region: region() });
      // A file cut at the limit says so: the operator is told how many the filter matched, never left
      // believing the file holds them all.
      const total = out.count < max ? out.count : Object.values(repo.counts(logFilter)).reduce((a, b) => a + b, 0);
      return { fileName: out.fileName, fileBase64: out.bytes.toString('base64'), count: out.count, total };
    },
    'reports.summary': ({ since, until, groupBy }) => {
      const from = Date.parse(since);
      const to = Date.parse(until);
      if (!(to > from)) throw new ApiError('validation', 'reports.errors.badRange');
      return reportSummary(deps.db, { since: from, until: to, groupBy, timeZone: zone(), region: region() });
    },
  };
}
