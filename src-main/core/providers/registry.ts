import type { ProviderName } from '../../../src-shared/api/schemas';
import type { ProviderFactory } from './types';
import { createSandboxProvider } from './sandbox';
import { createTwsmsProvider } from './twsms';
import { createEvery8dProvider } from './every8d';
import { createMitakeProvider } from './mitake';

/** Built-in providers. Real adapters (TwSMS, EVERY8D, Mitake, Twilio) join here. */
export const builtInProviders: Partial<Record<ProviderName, ProviderFactory>> = {
  sandbox: createSandboxProvider,
  twsms: createTwsmsProvider,
  every8d: createEvery8dProvider,
  mitake: createMitakeProvider,
};
