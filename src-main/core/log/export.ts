// messages.export: the filtered log as CSV (UTF-8 with BOM) or XLSX, newest first. Cells go through
// the same neutralise() as the contacts export, so nothing in a message can run as a formula.
import type { MessageView } from '../../../src-shared/api/schemas';
import { formatDateTime } from '../../../src-shared/format/datetime';
import { formatPhoneForShop } from '../../../src-shared/format/phone';
import { neutralise } from '../contacts/export/cells';
import { toCsv } from '../contacts/export/write';
import { toXlsxStreamed } from './xlsx';
import type { LogFilter } from './filter';
import { toLogView, type LogRepository } from './repository';

export const EXPORT_COLUMNS = [
  'id', 'createdAt', 'to', 'toE164', 'contact', 'status', 'text', 'segments', 'encoding', 'account',
  'origin', 'operator', 'memo', 'providerMessageId', 'sentAt', 'deliveredAt', 'error', 'errorCode', 'resendOf',
] as const;

export interface ExportDeps {
  repo: LogRepository;
  t: (key: string, params?: Record<string, unknown>) => string;
  timeZone: string;
  region: string;
}

/** Shop time as a spreadsheet reads it (YYYY-MM-DD HH:mm:ss): sv-SE is the locale that writes ISO order. */
function time(iso: string | null, zone: string): string {
  return iso ? formatDateTime(iso, 'sv-SE', zone) : '';
}

export function exportRow(m: MessageView, d: Pick<ExportDeps, 't' | 'timeZone' | 'region'>): string[] {
  const cells: Record<(typeof EXPORT_COLUMNS)[number], string> = {
    id: String(m.id),
    createdAt: time(m.createdAt, d.timeZone),
    to: formatPhoneForShop(m.to, d.region),
    toE164: m.to,
    contact: m.contact?.name ?? '',
    status: d.t(`common.status.${m.status}`),
    text: m.text,
    segments: String(m.segments),
    encoding: m.encoding,
    account: m.account,
    origin: d.t(`common.origin.${m.origin}`),
    operator: m.operator ?? '',
    memo: m.memo ?? '',
    providerMessageId: m.providerMessageId ?? '',
    sentAt: time(m.sentAt, d.timeZone),
    deliveredAt: time(m.deliveredAt, d.timeZone),
    error: m.error ? d.t(m.error.key, { ...(m.error.params ?? {}), defaultValue: m.error.detail ?? m.error.code }) : '',
    errorCode: m.error?.code ?? '',
    resendOf: m.resendOf !== null ? String(m.resendOf) : '',
  };
  return EXPORT_COLUMNS.map((c) => neutralise(cells[c]));
}

export async function exportLog(format: 'csv' | 'xlsx', filter: LogFilter, max: number, d: ExportDeps): Promise<{ fileName: string; bytes: Buffer; count: number }> {
  const headers = EXPORT_COLUMNS.map((c) => neutralise(d.t(`reports.export.column.${c}`)));
  const rows: string[][] = [];
  for (const page of d.repo.all(filter, max)) for (const r of page) rows.push(exportRow(toLogView(r), d));
  const base = d.t('reports.export.fileName');
  const bytes = format === 'xlsx' ? await toXlsxStreamed(headers, rows, base) : toCsv(headers, rows);
  return { fileName: `${base}.${format}`, bytes, count: rows.length };
}
