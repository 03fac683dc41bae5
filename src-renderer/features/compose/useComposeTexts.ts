// The shop's default prefix and suffix (Settings), so the counter counts what is really sent when
// their switches are on. They are templates themselves ("{senderTag}", "親愛的 {姓名}"), so the core
// renders them once (compose.preview of an empty text, no recipient) and the counter adds the result
// to the text on every keystroke; per-recipient differences show in the samples and the check's range.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/providers/api';
import { useSettings } from '../../app/queries';

const PREFIX_KEY = 'compose.prefix';
const SUFFIX_KEY = 'compose.suffix';
const TEST_NUMBER_KEY = 'compose.testNumber';

export interface ComposeTexts {
  /** As set (with placeholders), for the switches' tooltips. */
  prefix: string;
  suffix: string;
  /** The shop's own mobile for "send a test" ('' when not set). */
  testNumber: string;
  wrap(text: string, usePrefix: boolean, useSuffix: boolean): string;
}

function useRendered(part: 'prefix' | 'suffix', template: string, wanted: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['compose.preview', 'wrap', part, template],
    queryFn: async () => {
      const out = await api.call('compose.preview', {
        draft: { recipients: {}, text: '', usePrefix: part === 'prefix', useSuffix: part === 'suffix' },
        limit: 1,
      });
      return out.samples[0]?.text ?? '';
    },
    enabled: wanted && template !== '',
    staleTime: Infinity,
  });
}

/** `usePrefix`/`useSuffix`: render only what is switched on. */
export function useComposeTexts(usePrefix: boolean, useSuffix: boolean): ComposeTexts {
  const settings = useSettings();
  const value = (key: string) => {
    const v = settings.data?.settings.find((s) => s.key === key)?.value;
    return typeof v === 'string' ? v : '';
  };
  const prefix = value(PREFIX_KEY);
  const suffix = value(SUFFIX_KEY);
  const renderedPrefix = useRendered('prefix', prefix, usePrefix).data ?? '';
  const renderedSuffix = useRendered('suffix', suffix, useSuffix).data ?? '';
  return {
    prefix,
    suffix,
    testNumber: value(TEST_NUMBER_KEY),
    wrap: (text, usePrefix, useSuffix) => `${usePrefix ? renderedPrefix : ''}${text}${useSuffix ? renderedSuffix : ''}`,
  };
}
