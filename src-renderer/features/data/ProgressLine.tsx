// One progress bar for whichever data operation runs: what it does, and how far it is.
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataProgress } from './useDataProgress';

export function ProgressLine({ progress, operation }: { progress: DataProgress | null; operation: DataProgress['operation'] }) {
  const { t } = useTranslation();
  if (!progress || progress.operation !== operation) return null;
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="data-progress" data-testid={`data-progress-${operation}`}>
      <Typography.Text type="secondary">{t(`data.phases.${progress.phase}`, { defaultValue: progress.phase })}</Typography.Text>
      <Progress percent={percent} size="small" status={percent >= 100 && progress.phase === 'done' ? 'success' : 'active'} />
    </div>
  );
}
