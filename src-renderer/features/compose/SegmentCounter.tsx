import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CounterView } from './counter';

export function SegmentCounter({ view }: { view: CounterView }) {
  const { t } = useTranslation();
  const { count, capacity } = view;
  const key = count.segments > 1 ? 'compose.counter.many' : 'compose.counter.one';
  return (
    <div className="segment-counter">
      <span className={count.segments > 1 ? 'counter-text counter-multi' : 'counter-text'} data-testid="segment-counter" aria-live="polite">
        {t(key, { units: count.units, capacity, segments: count.segments })}
      </span>
      <Tag variant="filled" color={count.encoding === 'UCS-2' ? 'purple' : 'cyan'} data-testid="segment-encoding">
        {t(`common.encoding.${count.encoding}`)}
      </Tag>
      {count.segments > 0 && (
        <Typography.Text type="secondary" className="counter-remaining">
          {t('compose.counter.remaining', { n: count.remainingInSegment })}
        </Typography.Text>
      )}
    </div>
  );
}
