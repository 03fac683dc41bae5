// Importing a shop's file: pick it, see its first rows decoded (with the encoding the core detected
// and a choice to override it, so mojibake shows before anything is imported), map the columns,
// choose what duplicates do, watch the progress (cancel leaves nothing), then read the result with
// every rejected row and its reason, and save those rows as CSV.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Modal, Progress, Radio, Result, Select, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  importEncodings, onDuplicateModes, type FieldDefinition, type ImportEncoding, type ImportMapping, type ImportPreview, type ImportResult,
  type ImportTarget, type OnDuplicate,
} from '../../../src-shared/api/contacts-schemas';
import { useApi } from '../../app/providers/api';
import { errorText, translateKey } from '../../components/error-text';
import { useNumberFormat } from '../../components/format';
import { downloadBase64, readFileBase64 } from './files';
import { assignTarget, checkMapping, initialMapping, targetChoices } from './import-mapping';
import { useImportProgress, useImportStatus } from './queries';

interface Props {
  open: boolean;
  region: string;
  fields: readonly FieldDefinition[];
  vehiclePreset: boolean;
  onClose(): void;
}

interface PickedFile {
  name: string;
  base64: string;
}

/** Regions offered for numbers written without a country code (the shop's own comes first). */
const REGIONS = ['TW', 'JP', 'CN', 'HK', 'MO', 'SG', 'MY', 'KR', 'US'];

export function targetLabel(t: (k: string) => string, target: ImportTarget, fields: readonly FieldDefinition[]): string {
  if (target.startsWith('field.')) return fields.find((f) => f.key === target.slice(6))?.label ?? target.slice(6);
  if (target.startsWith('vehicle.')) return t(`contacts.preset.fields.${target.slice(8)}`);
  return t(`contactsUi.import.target.${target}`);
}

export function ImportWizard({ open, region, fields, vehiclePreset, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const fmt = useNumberFormat();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [encoding, setEncoding] = useState<'auto' | ImportEncoding>('auto');
  const [importRegion, setImportRegion] = useState(region);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('skip');
  const [importId, setImportId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progress = useImportProgress(importId);
  const status = useImportStatus(importId);
  const result: ImportResult | undefined = status.data;
  const finished = result !== undefined && result.status !== 'running';

  const loadPreview = useMutation({
    mutationFn: (input: { file: PickedFile; encoding: 'auto' | ImportEncoding; region: string }) =>
      api.call('contacts.import.preview', { fileBase64: input.file.base64, fileName: input.file.name, encoding: input.encoding, region: input.region, previewRows: 20 }),
    onSuccess: (p, input) => {
      setError(null);
      setPreview(p);
      // Keep the operator's mapping when only the encoding changed and the columns stayed the same.
      setMapping((current) => (preview && input.file.name === file?.name && current.length === p.headers.length && preview.headers.length === p.headers.length && input.encoding !== 'auto' ? current : initialMapping(p)));
    },
    onError: (err) => setError(errorText(t, err)),
  });

  const run = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('no file');
      return api.call('contacts.import.run', { fileBase64: file.base64, fileName: file.name, encoding: preview?.encoding ?? encoding, region: importRegion, mapping, onDuplicate });
    },
    onSuccess: (r) => {
      setError(null);
      setImportId(r.importId);
    },
    onError: (err) => setError(errorText(t, err)),
  });

  const cancel = useMutation({
    mutationFn: () => api.call('contacts.import.cancel', { importId: importId ?? '' }),
    onError: (err) => void message.error(errorText(t, err)),
  });

  const saveRejected = useMutation({
    mutationFn: () => api.call('contacts.import.rejectedCsv', { importId: importId ?? '' }),
    onSuccess: (f) => downloadBase64(f.fileName, f.fileBase64),
    onError: (err) => void message.error(errorText(t, err)),
  });

  function reset() {
    setFile(null);
    setPreview(null);
    setMapping([]);
    setImportId(null);
    setError(null);
    setEncoding('auto');
    setOnDuplicate('skip');
    setImportRegion(region);
  }

  function close() {
    // A running import keeps going (its result arrives as an event); the dialog only closes.
    if (!importId || finished) reset();
    onClose();
  }

  async function pick(picked: File) {
    try {
      const next = { name: picked.name, base64: await readFileBase64(picked) };
      setFile(next);
      setEncoding('auto');
      setPreview(null);
      loadPreview.mutate({ file: next, encoding: 'auto', region: importRegion });
    } catch {
      setError(t('contactsUi.import.readFailed'));
    }
  }

  const step = !preview ? 0 : !importId ? 1 : !finished ? 2 : 3;
  const choices = useMemo(() => targetChoices(fields, vehiclePreset), [fields, vehiclePreset]);
  const check = checkMapping(mapping);
  const done = progress.data?.done ?? 0;
  const total = progress.data?.total ?? preview?.rowCount ?? 0;

  const encodingOptions = useMemo(() => {
    const candidates = preview?.candidates ?? [];
    const ordered = [...candidates, ...importEncodings.filter((e) => !candidates.includes(e))];
    return ordered.map((e) => ({
      value: e,
      label: candidates.includes(e) ? t(`contacts.encoding.${e}`) : t('contactsUi.import.encodingUnlikely', { encoding: t(`contacts.encoding.${e}`) }),
    }));
  }, [preview, t]);

  const previewColumns = (preview?.headers ?? []).map((h, i) => ({
    key: i,
    width: 180,
    title: (
      <div className="import-col-head">
        <Typography.Text strong ellipsis title={h}>
          {h || t('contactsUi.import.columnN', { n: i + 1 })}
        </Typography.Text>
        <Select<ImportTarget | ''>
          size="small"
          value={mapping[i] ?? ''}
          onChange={(v) => setMapping((m) => assignTarget(m, i, v === '' ? null : v))}
          options={[{ value: '', label: t('contactsUi.import.skipColumn') }, ...choices.map((c) => ({ value: c, label: targetLabel(t, c, fields) }))]}
          className="import-col-select"
          popupMatchSelectWidth={false}
          aria-label={t('contactsUi.import.mapColumn', { column: h || i + 1 })}
          data-testid={`import-map-${i}`}
        />
      </div>
    ),
    render: (_: unknown, row: string[]) => <span className="import-cell">{row[i] ?? ''}</span>,
  }));

  return (
    <Modal
      open={open}
      onCancel={close}
      width={1040}
      title={t('contactsUi.import.title')}
      footer={null}
      maskClosable={false}
      destroyOnHidden={false}
      data-testid="import-wizard"
    >
      <Steps
        size="small"
        current={step}
        className="import-steps"
        items={(['file', 'mapping', 'running', 'result'] as const).map((s) => ({ title: t(`contactsUi.import.step.${s}`) }))}
      />
      {error && <Alert type="error" showIcon title={error} className="import-error" data-testid="import-error" />}

      {step === 0 && (
        <Space orientation="vertical" size={16} className="filter-full">
          <Upload.Dragger
            accept=".csv,.tsv,.txt,.xlsx"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              void pick(f);
              return false;
            }}
            disabled={loadPreview.isPending}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('contactsUi.import.drop')}</p>
            <p className="ant-upload-hint">{t('contactsUi.import.dropHint')}</p>
          </Upload.Dragger>
          <Space>
            <Typography.Text>{t('contactsUi.import.region')}</Typography.Text>
            <Select value={importRegion} onChange={setImportRegion} options={[...new Set([region, ...REGIONS])].map((r) => ({ value: r, label: r }))} className="import-region" aria-label={t('contactsUi.import.region')} />
            <Typography.Text type="secondary">{t('contactsUi.import.regionHelp')}</Typography.Text>
          </Space>
          {loadPreview.isPending && <Progress percent={100} status="active" showInfo={false} />}
        </Space>
      )}

      {step === 1 && preview && file && (
        <Space orientation="vertical" size={12} className="filter-full">
          <Space wrap size={16} className="import-options">
            <Typography.Text strong>{file.name}</Typography.Text>
            <Typography.Text type="secondary" data-testid="import-row-count">
              {t('contactsUi.import.rowCount', { n: fmt(preview.rowCount) })}
            </Typography.Text>
            {preview.encoding && (
              <Space>
                <Typography.Text>{t('contactsUi.import.encoding')}</Typography.Text>
                <Select<ImportEncoding>
                  value={preview.encoding}
                  onChange={(e) => {
                    setEncoding(e);
                    loadPreview.mutate({ file, encoding: e, region: importRegion });
                  }}
                  options={encodingOptions}
                  className="import-encoding"
                  popupMatchSelectWidth={false}
                  aria-label={t('contactsUi.import.encoding')}
                  data-testid="import-encoding"
                  loading={loadPreview.isPending}
                />
              </Space>
            )}
            <Space>
              <Typography.Text>{t('contactsUi.import.region')}</Typography.Text>
              <Select value={importRegion} onChange={setImportRegion} options={[...new Set([region, ...REGIONS])].map((r) => ({ value: r, label: r }))} className="import-region" aria-label={t('contactsUi.import.region')} />
            </Space>
          </Space>
          <Typography.Text type="secondary">{t('contactsUi.import.previewHelp')}</Typography.Text>
          <Table<string[]>
            size="small"
            bordered
            pagination={false}
            rowKey={(_, i) => String(i)}
            columns={previewColumns}
            dataSource={preview.rows}
            scroll={{ x: Math.max(600, previewColumns.length * 180), y: 260 }}
            data-testid="import-preview"
          />
          {!check.hasPhone && <Alert type="warning" showIcon title={t('contacts.errors.noPhoneColumn')} />}
          <Space wrap>
            <Typography.Text>{t('contactsUi.import.duplicates')}</Typography.Text>
            <Radio.Group
              value={onDuplicate}
              onChange={(e) => setOnDuplicate(e.target.value as OnDuplicate)}
              options={onDuplicateModes.map((m) => ({ value: m, label: t(`contactsUi.import.onDuplicate.${m}`) }))}
              data-testid="import-duplicates"
            />
          </Space>
          <Typography.Text type="secondary">{t(`contactsUi.import.onDuplicateHelp.${onDuplicate}`)}</Typography.Text>
          <div className="import-actions">
            <Button onClick={reset}>{t('contactsUi.import.otherFile')}</Button>
            <Button type="primary" disabled={!check.hasPhone} loading={run.isPending} onClick={() => run.mutate()} data-testid="import-start">
              {t('contactsUi.import.start', { n: fmt(preview.rowCount) })}
            </Button>
          </div>
        </Space>
      )}

      {step === 2 && (
        <div className="import-running" data-testid="import-running">
          <Progress percent={total ? Math.floor((done / total) * 100) : 0} status="active" />
          <Typography.Text type="secondary">{t('contactsUi.import.progress', { done: fmt(done), total: fmt(total) })}</Typography.Text>
          <div className="import-actions">
            <Button danger loading={cancel.isPending} onClick={() => cancel.mutate()} data-testid="import-cancel">
              {t('contactsUi.import.cancel')}
            </Button>
          </div>
        </div>
      )}

      {step === 3 && result && (
        <div data-testid="import-result">
          <Result
            status={result.status === 'done' ? (result.errors.length ? 'warning' : 'success') : result.status === 'cancelled' ? 'info' : 'error'}
            title={t(`contacts.import.status.${result.status}`)}
            subTitle={result.failure ? translateKey(t, result.failure.key, result.failure.params) : result.encoding ? t('contactsUi.import.usedEncoding', { encoding: t(`contacts.encoding.${result.encoding}`) }) : undefined}
            className="import-result-head"
          />
          <div className="import-stats">
            <Statistic title={t('contactsUi.import.imported')} value={result.imported} formatter={(v) => fmt(Number(v))} data-testid="import-imported" />
            <Statistic title={t('contactsUi.import.updated')} value={result.updated} formatter={(v) => fmt(Number(v))} />
            <Statistic title={t('contactsUi.import.skipped')} value={result.skipped} formatter={(v) => fmt(Number(v))} />
            <Statistic title={t('contactsUi.import.rejected')} value={result.errors.length} formatter={(v) => fmt(Number(v))} />
          </div>
          {result.errors.length > 0 && (
            <>
              <div className="import-actions">
                <Button icon={<DownloadOutlined />} loading={saveRejected.isPending} onClick={() => saveRejected.mutate()} data-testid="import-save-rejected">
                  {t('contactsUi.import.saveRejected')}
                </Button>
              </div>
              <Table
                size="small"
                virtual
                pagination={false}
                rowKey="n"
                dataSource={result.errors.map((e, n) => ({ ...e, n }))}
                scroll={{ y: 260 }}
                columns={[
                  { key: 'line', title: t('contactsUi.import.line'), width: 90, render: (_, r) => fmt(r.line) },
                  { key: 'reason', title: t('contactsUi.import.reason'), render: (_, r) => translateKey(t, r.key, r.params) },
                ]}
                data-testid="import-errors"
              />
            </>
          )}
          <div className="import-actions">
            <Button onClick={reset}>{t('contactsUi.import.again')}</Button>
            <Button type="primary" onClick={close} data-testid="import-close">
              {t('contactsUi.import.close')}
            </Button>
          </div>
        </div>
      )}
    </Modal>
  );
}
