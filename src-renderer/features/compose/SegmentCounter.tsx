import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CounterView } from './counter';
import type { PersonalCount } from './personal-count';

/**
 * "字數 45/70 · 1 則" for a plain text; with placeholders, what the recipients get instead of the
 * braces: "字數 45–58/134 · 1–2 則" over all recipients, or one sample customer's text as an example.
 */
export function SegmentCounter({ view, personal }: { view: CounterView; personal?: PersonalCount | null }) {
  const { t } = useTranslation();
  if (personal) {
    return (
      <div className="segment-counter">
        <span className={personal.multi ? 'counter-text counter-multi' : 'counter-text'} data-testid="segment-counter" aria-live="polite">
          {t(personal.multi ? 'compose.counter.many' : 'compose.counter.one', { units: personal.units, capacity: personal.capacity, segments: personal.segments })}
        </span>
        <Tag variant="filled" color={personal.encoding === 'UCS-2' ? 'purple' : 'cyan'} data-testid="segment-encoding">
          {t(`common.encoding.${personal.encoding}`)}
        </Tag>
        <Typography.Text type="secondary" className="counter-remaining" data-testid="counter-basis">
          {personal.basis.kind === 'recipients'
            ? t('composeUi.counter.basisRecipients', { n: personal.basis.n })
            : personal.basis.name
              ? t('composeUi.counter.basisSample', { name: personal.basis.name })
              : t('composeUi.counter.basisNoSample')}
        </Typography.Text>
      </div>
    );
  }
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
