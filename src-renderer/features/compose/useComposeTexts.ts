// The shop's default prefix and suffix (Settings), so the counter counts what is really sent when
// their switches are on. The samples and the check render them in the core; this is only the count.
import { useSettings } from '../../app/queries';

// Setting keys of the default prefix and suffix (the compose core's settings).
const PREFIX_KEY = 'compose.prefix';
const SUFFIX_KEY = 'compose.suffix';
const TEST_NUMBER_KEY = 'compose.testNumber';

export interface ComposeTexts {
  prefix: string;
  suffix: string;
  /** The shop's own mobile for "send a test" ('' when not set). */
  testNumber: string;
  wrap(text: string, usePrefix: boolean, useSuffix: boolean): string;
}

export function useComposeTexts(): ComposeTexts {
  const settings = useSettings();
  const value = (key: string) => {
    const v = settings.data?.settings.find((s) => s.key === key)?.value;
    return typeof v === 'string' ? v : '';
  };
  const prefix = value(PREFIX_KEY);
  const suffix = value(SUFFIX_KEY);
  return {
    prefix,
    suffix,
    testNumber: value(TEST_NUMBER_KEY),
    wrap: (text, usePrefix, useSuffix) => `${usePrefix && prefix ? prefix : ''}${text}${useSuffix && suffix ? suffix : ''}`,
  };
}
