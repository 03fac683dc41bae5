// Core events → query invalidation. One subscription for the whole app (in browser mode each
// subscription is an EventSource), fanned out by TanStack Query's cache.
import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CoreEvent } from '../../../src-shared/api/events';
import { queryKeys } from '../queries';
import { contactsEventRefresh } from '../../features/contacts/queries';
import { rulesEventRefresh } from '../../features/rules/queries';
import { schedulerEventRefresh } from '../../features/scheduler/queries';
import { useApi, useConnectionStore } from './api';
import type { ApiClient } from '../../../src-shared/client';
import { refresh } from './refresh';

function invalidate(queryClient: QueryClient, event: CoreEvent, api: ApiClient): void {
  const keys: (readonly string[])[] = [...schedulerEventRefresh(queryClient, event)];
  switch (event.type) {
    case 'messages.changed':
      // The dispatcher's counts are derived from the messages.
      keys.push(queryKeys.messages, queryKeys.dispatcher);
      break;
    case 'settings.changed':
      // app.info carries the language, time zone and region; sending.paused shows in the dispatcher.
      keys.push(queryKeys.settings, queryKeys.appInfo, queryKeys.dispatcher);
      // The backups folder and schedule are settings too.
      keys.push(['data.status'], ['data.backups']);
      break;
    case 'accounts.changed':
      keys.push(queryKeys.accounts, ['accounts.balance'], queryKeys.appInfo);
      break;
    case 'dispatcher.changed':
      keys.push(queryKeys.dispatcher);
      break;
    case 'data.changed':
      // Backups, the start-up check's verdict, or (after a restore) everything.
      keys.push(['data.status'], ['data.backups']);
      break;
    case 'data.progress':
      break;
    case 'templates.changed':
      // The list, and the live check (a template's repeat window, its last use).
      keys.push(['templates.list'], ['compose.check']);
      break;
    default:
      keys.push(...contactsEventRefresh(queryClient, event, api));
      keys.push(...rulesEventRefresh(event));
  }
  for (const queryKey of keys) void refresh(queryClient, queryKey);
}

export function CoreEventsBridge() {
  const api = useApi();
  const store = useConnectionStore();
  const queryClient = useQueryClient();
  useEffect(() => api.onEvent((event) => invalidate(queryClient, event, api)), [api, queryClient]);
  // After the event stream was broken we may have missed events: refetch everything on screen.
  useEffect(() => store.onReconnected(() => void queryClient.invalidateQueries()), [store, queryClient]);
  return null;
}
