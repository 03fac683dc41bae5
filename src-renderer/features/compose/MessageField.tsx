// The message box with its live counter. Stray characters that switch a Latin text to UCS-2 (and so
// cut each part from 160 to 70 characters) are named with what they cost, because that is a classic
// doubled bill; characters the chosen account's route cannot carry are underlined with the reason.
import { forwardRef, useMemo } from 'react';
import { Alert, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SegmentCounter } from './SegmentCounter';
import type { CounterView } from './counter';
import type { PersonalCount } from './personal-count';
import type { TextAreaRef } from './RecipientsField';
import { MarkedText, type CharMark } from './MarkedText';
import type { RouteCharIssue } from './route-chars';

interface Props {
  value: string;
  onChange(value: string): void;
  view: CounterView;
  invalid: boolean;
  /** Characters the chosen route cannot carry, with the reason (from src-shared/sms/charset). */
  unsupported: readonly RouteCharIssue[];
  /** With personalisation: fewest and most parts per recipient, the total and its cost (from the live check). */
  range?: { min: number; max: number; total: number; cost: string | null } | null;
  /** With placeholders: the count of what recipients get (see personal-count.ts). */
  personal?: PersonalCount | null;
}

export const MessageField = forwardRef<TextAreaRef, Props>(function MessageField({ value, onChange, view, invalid, unsupported, range, personal }, ref) {
  const { t } = useTranslation();
  const marks = useMemo(() => {
    const m = new Map<string, CharMark>();
    const ucs2Reason = view.segmentsWithoutStray < view.count.segments ? t('composeUi.counter.ucs2Reason', { n: view.count.segments, m: view.segmentsWithoutStray }) : t('composeUi.counter.ucs2Plain');
    for (const c of view.strayNonGsm) m.set(c, { kind: 'ucs2', reason: ucs2Reason });
    for (const u of unsupported) m.set(u.char, { kind: 'unsupported', reason: t(u.reasonKey, u.params ?? {}) });
    return m;
  }, [view, unsupported, t]);

  return (
    <div className="message-field">
      <Input.TextArea
        ref={ref}
        id="compose-text"
        value={value}
        status={invalid ? 'error' : undefined}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('compose.text.placeholder')}
        autoSize={{ minRows: 5, maxRows: 14 }}
        data-testid="compose-text"
      />
      <SegmentCounter view={view} personal={personal} />
      {range && (
        <div className="counter-range" data-testid="counter-range">
          {range.min === range.max
            ? t('composeUi.counter.personalisedSame', { n: range.min, total: range.total })
            : t('composeUi.counter.personalised', { min: range.min, max: range.max, total: range.total })}
          {range.cost !== null && t('composeUi.counter.rangeCost', { cost: range.cost })}
        </div>
      )}
      {view.strayNonGsm.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="stray-chars"
          data-testid="stray-chars"
          title={
            <span>
              {view.segmentsWithoutStray < view.count.segments
                ? t('composeUi.counter.strayTitle', { n: view.count.segments, m: view.segmentsWithoutStray })
                : t('compose.text.strayTitle')}
              {view.strayNonGsm.map((c) => (
                <Tag key={c} className="stray-char">
                  {c}
                </Tag>
              ))}
            </span>
          }
        />
      )}
      {unsupported.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="route-chars"
          data-testid="route-chars"
          title={t('composeUi.counter.unsupportedTitle', { n: unsupported.length })}
          description={
            <ul className="route-char-list">
              {groupByReason(unsupported).map((g) => (
                <li key={g.reasonKey}>
                  {g.chars.map((c) => (
                    <span key={c} className="char-unsupported route-char">
                      {c}
                    </span>
                  ))}{' '}
                  {t(g.reasonKey, g.params ?? {})}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {marks.size > 0 && value && <MarkedText text={value} marks={marks} />}
    </div>
  );
});

/** One line per reason ("ｶ ﾀ ﾅ half-width kana …"), not one per character. */
function groupByReason(issues: readonly RouteCharIssue[]): { reasonKey: string; params?: Record<string, string | number>; chars: string[] }[] {
  const groups = new Map<string, { reasonKey: string; params?: Record<string, string | number>; chars: string[] }>();
  for (const i of issues) {
    const g = groups.get(i.reasonKey);
    if (g) g.chars.push(i.char);
    else groups.set(i.reasonKey, { reasonKey: i.reasonKey, ...(i.params ? { params: i.params } : {}), chars: [i.char] });
  }
  return [...groups.values()];
}
