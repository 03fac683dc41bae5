// A check finding as a sentence: the code picks the message, the params fill it; a time (quiet hours'
// end, the send time) is shown in the shop's zone and the reader's locale.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckCode } from '../../../src-shared/api/compose-schemas';
import { useDateTimeFormat } from '../../components/format';

type Params = Record<string, string | number>;
const ISO = /^\d{4}-\d{2}-\d{2}T/;

export function useIssueText(timeZone: string): (code: CheckCode | string, params?: Params, form?: 'title' | 'detail') => string {
  const { t } = useTranslation();
  const formatTime = useDateTimeFormat(timeZone);
  return useCallback(
    (code, params = {}, form = 'title') => {
      const shown: Params = {};
      for (const [k, v] of Object.entries(params)) shown[k] = typeof v === 'string' && ISO.test(v) ? formatTime(v, 'minute') : v;
      if (form === 'detail') {
        const detail = t(`composeUi.codes.${code}.detail`, { ...shown, defaultValue: '' });
        if (detail) return detail;
        return Object.values(shown).join(' · ');
      }
      return t(`composeUi.codes.${code}.title`, { ...shown, defaultValue: t(`common.rejection.${code}`, { ...shown, defaultValue: code }) });
    },
    [t, formatTime],
  );
}
