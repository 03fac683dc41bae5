// GET /api/events: the core's events as server-sent events. Headers go out at once so the browser's
// EventSource reports "open" immediately; a comment line every so often keeps proxies, the OS and the
// browser from deciding an idle connection is dead.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/types';

export const DEFAULT_PING_MS = 15_000;

export interface EventStreamOptions {
  core: Pick<Core, 'onEvent'>;
  pingMs: number;
}

/** Opens the stream; returns a function that ends it (used when the server closes). */
export function openEventStream(req: IncomingMessage, res: ServerResponse, options: EventStreamOptions): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // Reverse proxies (should someone put one in front) must not buffer the stream.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  // EventSource reconnects by itself; ask it not to hammer a server that is restarting.
  res.write('retry: 2000\n\n');

  const unsubscribe = options.core.onEvent((event) => {
    // JSON never contains a raw new line, so one data: line per event is enough.
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const ping = setInterval(() => res.write(': ping\n\n'), options.pingMs);
  ping.unref();

  let ended = false;
  const cleanup = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(ping);
    unsubscribe();
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
  return () => {
    cleanup();
    res.end();
  };
}
