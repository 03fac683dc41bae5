// Providers, outermost first: the API connection, server state, translations, then antd's
// ConfigProvider (locale + theme) and antd's <App> so message/notification/modal follow the locale.
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { App as AntApp, ConfigProvider } from 'antd';
import { ApiError } from '../../src-shared/api/errors';
import type { Connection } from '../transport';
import { ApiProvider } from './providers/api';
import { CoreEventsBridge } from './providers/core-events';
import { useAppInfo } from './queries';
import { antdLocales, applyLanguage, rememberedLanguage } from './locale';
import { appTheme } from './theme';
import { Gate } from './Gate';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Events keep data fresh; refetching on focus would only add load.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        // An answer from the core (bad input, not found, no access) will not change by asking again.
        retry: (count, err) => !(err instanceof ApiError && err.kind !== 'internal') && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

function LocalizedAntd({ i18n, children }: { i18n: i18n; children: ReactNode }) {
  const info = useAppInfo();
  const language = info.data?.language ?? rememberedLanguage();
  useLayoutEffect(() => applyLanguage(i18n, language), [i18n, language]);
  return (
    <ConfigProvider locale={antdLocales[language]} theme={appTheme(language)}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Root({ connection, i18n }: { connection: Connection; i18n: i18n }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <ApiProvider connection={connection}>
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={i18n}>
          <CoreEventsBridge />
          <LocalizedAntd i18n={i18n}>
            <Gate />
          </LocalizedAntd>
        </I18nextProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
