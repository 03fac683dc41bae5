// A check finding as a sentence, in the compose core's own words (composeCore.checks.<code> for the
// finding with its count, composeCore.details.<code> for one recipient's detail), so the screen, the
// CLI and the API say the same thing. Times (quiet hours' end, the send time) show in the shop's zone.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckCode } from '../../../src-shared/api/compose-schemas';
import { useDateTimeFormat, useNumberFormat } from '../../components/format';

type Params = Record<string, string | number>;
const ISO = /^\d{4}-\d{2}-\d{2}T/;

export type IssueForm = 'title' | 'detail';

export function useIssueText(timeZone: string): (code: CheckCode | string, params?: Params, form?: IssueForm) => string {
  const { t } = useTranslation();
  const formatTime = useDateTimeFormat(timeZone);
  const fmt = useNumberFormat();
  return useCallback(
    (code, params = {}, form = 'title') => {
      const shown: Params = {};
      for (const [k, v] of Object.entries(params)) shown[k] = typeof v === 'string' && ISO.test(v) ? formatTime(v, 'minute') : typeof v === 'number' && k !== 'count' ? fmt(v) : v;
      const fallback = t(`common.rejection.${code}`, { ...shown, defaultValue: code });
      if (form === 'detail') {
        const detail = t(`composeCore.details.${code}`, { ...shown, defaultValue: '' });
        if (detail) return detail;
        return t(`composeCore.checks.${code}`, { count: 1, ...shown, defaultValue: fallback });
      }
      return t(`composeCore.checks.${code}`, { count: 0, ...shown, defaultValue: fallback });
    },
    [t, formatTime, fmt],
  );
}
