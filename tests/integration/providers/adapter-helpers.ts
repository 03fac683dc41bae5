// Shared set-up for adapter tests: an adapter built exactly as the core builds it, pointed at a fake
// by the account's baseUrl override, with short timeouts so "no answer" is found quickly.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, onTestFinished } from 'vitest';
import type { OutgoingMessage, Provider, ProviderAccount, ProviderFactory } from '../../../src-main/core/providers/types';
import { countSegments } from '../../../src-shared/sms/segments';
import { FakeClock } from '../../helpers/fake-clock';

export const SHORT_TIMEOUTS = { connectMs: 2000, headersMs: 400, bodyMs: 400 };

export function makeAdapter(factory: ProviderFactory, account: Partial<ProviderAccount> & { baseUrl: string }, clock = new FakeClock()): { provider: Provider; clock: FakeClock } {
  const provider = factory(
    { id: 1, name: 'test', provider: 'sandbox', username: 'user', secret: 'pass', sender: null, ...account },
    { clock, setting: () => 0, http: SHORT_TIMEOUTS },
  );
  onTestFinished(async () => provider.close?.());
  return { provider, clock };
}

let nextId = 1;
export function message(to: string, text: string): OutgoingMessage {
  const count = countSegments(text);
  const id = nextId++;
  return { messageId: id, idempotencyKey: `k-${id}-0123456789abcdef`, to, text, segments: count.segments, encoding: count.encoding };
}

/** A loopback URL nobody listens on (the port was just freed). */
export async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Nothing a person or a log sees may hold the secret, as written or URL-encoded. */
export function expectNoSecret(value: unknown, secret: string): void {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message } : v));
  expect(text).not.toContain(secret);
  expect(text).not.toContain(encodeURIComponent(secret));
}

/** The thrown error of a promise (fails the test when it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}
