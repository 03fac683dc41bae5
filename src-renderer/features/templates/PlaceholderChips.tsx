// The placeholders the shop can use, as chips: a click (or Enter on a focused chip) inserts {token}
// where the caret is. Grouped by where the value comes from, so {姓名} and {店名} are easy to tell apart.
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlaceholderView } from '../../../src-shared/api/compose-schemas';
import { placeholderText } from './insert-text';
import { usePlaceholders } from './queries';

const sourceColour: Record<PlaceholderView['source'], string> = {
  contact: 'blue', field: 'geekblue', vehicle: 'cyan', member: 'purple', shop: 'green', event: 'orange',
};

export function placeholderLabel(t: (key: string) => string, p: PlaceholderView): string {
  if (p.label) return p.label;
  if (p.labelKey) return t(p.labelKey);
  return p.token;
}

interface Props {
  onInsert(text: string): void;
  /** Event variables only make sense in per-event templates. */
  includeEvents?: boolean;
}

export function PlaceholderChips({ onInsert, includeEvents = true }: Props) {
  const { t } = useTranslation();
  const query = usePlaceholders();
  const list = (query.data?.placeholders ?? []).filter((p) => includeEvents || p.source !== 'event');
  if (query.isError) return null;
  return (
    <div className="placeholder-chips" data-testid="placeholder-chips">
      <Typography.Text type="secondary" className="placeholder-chips-label">
        {t('templatesUi.placeholders.label')}
      </Typography.Text>
      {list.map((p) => {
        const label = placeholderLabel(t, p);
        return (
          <Tooltip key={`${p.source}:${p.token}`} title={t('templatesUi.placeholders.insert', { token: placeholderText(p.token), label })} mouseEnterDelay={0.4}>
            <Tag
              className="placeholder-chip"
              color={sourceColour[p.source]}
              role="button"
              tabIndex={0}
              data-testid="placeholder-chip"
              // Keep the caret where it is in the text box: a click must not move focus first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onInsert(placeholderText(p.token))}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onInsert(placeholderText(p.token));
                }
              }}
            >
              {placeholderText(p.token)}
              {label !== p.token && <span className="placeholder-chip-label">{label}</span>}
            </Tag>
          </Tooltip>
        );
      })}
    </div>
  );
}
