// A provider whose answers the test writes: each send goes through `onSend` (default: accept), and
// everything it was asked is recorded, so a test can count requests, batch sizes and requests in
// flight at once. Status answers come from `onStatus` (default: pending). Not a mock of our code:
// it stands where a real provider's HTTP API would.
import type { OutgoingMessage, Provider, ProviderCapabilities, ProviderFactory, SendOutcome, StatusOutcome, StatusRef, Balance } from '../../src-main/core/providers/types';

export interface ScriptedProvider {
  factory: ProviderFactory;
  /** Every send request, in order. */
  requests: OutgoingMessage[][];
  /** Most send requests that were in flight at once. */
  maxInFlight: number;
  statusRequests: StatusRef[][];
  onSend: (batch: OutgoingMessage[], n: number) => SendOutcome[] | Promise<SendOutcome[]>;
  onStatus: (refs: StatusRef[]) => StatusOutcome[] | Promise<StatusOutcome[]>;
  onBalance: () => Balance | Promise<Balance>;
}

export function scriptedProvider(capabilities: Partial<ProviderCapabilities> = {}): ScriptedProvider {
  let inFlight = 0;
  const s: ScriptedProvider = {
    requests: [],
    maxInFlight: 0,
    statusRequests: [],
    onSend: (batch) => batch.map((m) => ({ kind: 'accepted', providerMessageId: `p-${m.idempotencyKey.slice(0, 8)}` })),
    onStatus: (refs) => refs.map(() => ({ state: 'pending' })),
    onBalance: () => ({ balance: 1000, unit: 'points', supported: true }),
    factory: (): Provider => ({
      name: 'sandbox',
      capabilities: {
        multiRecipient: false, idempotencyKey: false, longSms: true, balance: true, cancel: false, reportDeadlineMs: 72 * 3600_000,
        ...capabilities,
      },
      async send(batch) {
        s.requests.push(batch);
        inFlight++;
        s.maxInFlight = Math.max(s.maxInFlight, inFlight);
        try {
          return await s.onSend(batch, s.requests.length);
        } finally {
          inFlight--;
        }
      },
      async status(refs) {
        s.statusRequests.push(refs);
        return s.onStatus(refs);
      },
      async balance() {
        return s.onBalance();
      },
    }),
  };
  return s;
}
