// Export of the filtered log: CSV (UTF-8 with BOM, opens in Excel) or XLSX, downloaded in the browser
// and in the app alike.
import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, LogFilterInput } from '../../../src-shared/api/log-schemas';
import { useApi } from '../../app/providers/api';
import { errorText } from '../../components/error-text';
import { downloadBase64 } from '../contacts/files';

export function ExportButton({ filter, format }: { filter: LogFilterInput | null; format(n: number): string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const run = useMutation({
    mutationFn: (kind: ExportFormat) => api.call('messages.export', { format: kind, filter: filter ?? {} }),
    onSuccess: (out) => {
      downloadBase64(out.fileName, out.fileBase64);
      if (out.total > out.count) void message.warning(t('logRoom.export.cut', { n: format(out.count), total: format(out.total) }), 10);
      else void message.success(t('logRoom.export.done', { n: format(out.count) }));
    },
    onError: (err) => void message.error(errorText(t, err)),
  });
  return (
    <Dropdown
      disabled={filter === null}
      menu={{
        items: [
          { key: 'csv', label: t('logRoom.export.csv') },
          { key: 'xlsx', label: t('logRoom.export.xlsx') },
        ],
        onClick: ({ key }) => run.mutate(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={run.isPending} data-testid="log-export">
        {t('logRoom.export.button')}
      </Button>
    </Dropdown>
  );
}
