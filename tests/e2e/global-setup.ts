// One smsdesk server for the whole run. Its address reaches the tests through the environment,
// which Playwright's workers inherit from this process.
import type { FullConfig } from '@playwright/test';
import { startServer } from './server';

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const server = await startServer({
    // Quick delivery reports from the sandbox keep the run short; the behaviour is the same.
    'sandbox.deliveryDelayMs': '300',
    'shop.timeZone': 'Asia/Taipei',
    'shop.name': '測試店',
    // Quiet hours follow the real clock, and the run may happen at any hour: a quiet-hours warning in
    // the pre-send check would then depend on when the tests run.
    'sending.quietHours.enabled': 'false',
  });
  process.env.SMSDESK_E2E_URL = server.url;
  process.env.SMSDESK_E2E_DATA_DIR = server.dataDir;
  return () => server.stop();
}
