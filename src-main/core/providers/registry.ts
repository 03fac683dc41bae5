import type { ProviderName } from '../../../src-shared/api/schemas';
import type { ProviderFactory } from './types';
import { createSandboxProvider } from './sandbox';
import { createTwsmsProvider } from './twsms';
import { createEvery8dProvider } from './every8d';
import { createMitakeProvider } from './mitake';
import { createTwilioProvider } from './twilio';

/** Built-in providers: the sandbox and the real adapters. */
export const builtInProviders: Partial<Record<ProviderName, ProviderFactory>> = {
  sandbox: createSandboxProvider,
  twsms: createTwsmsProvider,
  every8d: createEvery8dProvider,
  mitake: createMitakeProvider,
  twilio: createTwilioProvider,
};
