// The embedded default provider, so a new user can try everything without an account: it accepts
// every valid mobile number, reports `delivered` after a configurable delay (setting
// sandbox.deliveryDelayMs, default 1 s), reports every number ending in 0000 as undeliverable — the
// way a real carrier reports a number not in service — and has a fixed balance of 9,999 points.
// It is stateless: a status answer depends only on the ref and the clock, so it survives restarts.
import { formatNational } from '../../../../src-shared/phone/parse';
import type { Provider, ProviderFactory } from '../types';

export const SANDBOX_BALANCE = 9999;
const FAILING_SUFFIX = '0000';

export const createSandboxProvider: ProviderFactory = (_account, context): Provider => ({
  name: 'sandbox',
  capabilities: {
    multiRecipient: true,
    // No lookup by our key: a send whose answer was lost stays `unknown` for the operator.
    idempotencyKey: false,
    longSms: true,
    balance: true,
    cancel: false,
    reportDeadlineMs: 72 * 3600_000,
    // It answers at once: one request at a time of up to 50 numbers is plenty.
    maxRecipientsPerRequest: 50,
    defaultConcurrency: 1,
  },
  async send(batch) {
    return batch.map((m) => ({ kind: 'accepted' as const, providerMessageId: `sbx-${m.idempotencyKey}` }));
  },
  async status(refs) {
    const now = context.clock.now();
    const delay = context.setting('sandbox.deliveryDelayMs');
    return refs.map((ref) => {
      if (now - ref.acceptedAt < delay) return { state: 'pending' as const };
      if (ref.to.endsWith(FAILING_SUFFIX)) {
        return {
          state: 'failed' as const,
          code: 'sandbox_undeliverable',
          key: 'errors.provider.sandboxUndeliverable',
          // As operators write numbers (the log shows it beside the national format too).
          params: { to: formatNational(ref.to) },
          detail: 'UNDELIV: number not in service (sandbox test range …0000)',
        };
      }
      return { state: 'delivered' as const, at: ref.acceptedAt + delay };
    });
  },
  async balance() {
    return { balance: SANDBOX_BALANCE, unit: 'points', supported: true };
  },
});
