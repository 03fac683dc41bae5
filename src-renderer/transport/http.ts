// Browser mode (smsdesk serve): POST /api/<method> with JSON, events over server-sent events.
// The token travels as the HttpOnly cookie the server set when the page was opened with ?token=…
import { coreEventSchema, type CoreEvent } from '../../src-shared/api/events';
import { ApiError } from '../../src-shared/api/errors';
import type { Transport } from '../../src-shared/client';

export interface ConnectionHooks {
  /** The server refused our credentials (the cookie is missing or from an earlier run). */
  onUnauthorized(): void;
  /** The event stream came back after a break: whatever we show may be stale. */
  onReconnected(): void;
  /** The event stream broke (the server stopped or the network is down). */
  onDisconnected(): void;
}

export function httpTransport(hooks: ConnectionHooks, base = './api/'): Transport {
  return {
    async invoke(method, input) {
      let res: Response;
      try {
        res = await fetch(base + encodeURIComponent(method), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        throw new ApiError('internal', 'shell.connection.lostCall');
      }
      if (res.status === 401) {
        hooks.onUnauthorized();
        throw new ApiError('forbidden', 'shell.auth.title');
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) throw body ?? new ApiError('internal', 'errors.internal');
      return body;
    },
    onEvent(listener) {
      return subscribe(base + 'events', listener, hooks);
    },
  };
}

function subscribe(url: string, listener: (event: CoreEvent) => void, hooks: ConnectionHooks): () => void {
  let source: EventSource | null = null;
  let broken = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    source = new EventSource(url, { withCredentials: true });
    source.onopen = () => {
      if (broken) hooks.onReconnected();
      broken = false;
    };
    source.onerror = () => {
      if (!broken) hooks.onDisconnected();
      broken = true;
      // EventSource retries network errors by itself but gives up for good on an HTTP error
      // (e.g. the server restarted): then we retry, and the next API call finds out about a 401.
      if (source?.readyState === EventSource.CLOSED && !stopped) {
        source.close();
        retry = setTimeout(open, 3000);
      }
    };
    source.onmessage = (msg: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(msg.data);
      } catch {
        return;
      }
      const parsed = coreEventSchema.safeParse(data);
      if (parsed.success) listener(parsed.data);
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
