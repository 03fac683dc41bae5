// What each provider needs in an account, checked the same way by the Settings form, the CLI and the
// core (which has the last word). Problems are i18n keys in the "accounts" area.
import type { ProviderName } from '../api/schemas';

export interface AccountFieldsInput {
  username?: string | undefined;
  sender?: string | undefined;
  baseUrl?: string | undefined;
  priceDomestic?: number | undefined;
  priceInternational?: number | undefined;
  /** A password/token is given now or already stored. */
  hasSecret: boolean;
}

export interface AccountFields {
  username: string | null;
  sender: string | null;
  baseUrl: string | null;
  priceDomestic: number | null;
  priceInternational: number | null;
}

export interface FieldProblem {
  field: 'username' | 'password' | 'sender' | 'baseUrl' | 'priceDomestic' | 'priceInternational';
  key: string;
}

/** The providers that need a user name and a password/token. */
export const needsCredentials = (provider: ProviderName) => provider !== 'sandbox';

/** What the user-name field holds for a provider (for labels): Twilio calls it the Account SID. */
export const usernameLabelKey = (provider: ProviderName) => (provider === 'twilio' ? 'accounts.field.accountSid' : 'accounts.field.username');
export const passwordLabelKey = (provider: ProviderName) => (provider === 'twilio' ? 'accounts.field.authToken' : 'accounts.field.password');

const TWILIO_SID = /^AC[0-9a-fA-F]{32}$/;
/** A Twilio sender: an E.164 number, an alphanumeric sender ID, or a Messaging Service (MG…). */
const TWILIO_SENDER = /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/;

/** `https://host[:port]` only: the documented paths are appended to it. */
export function normaliseBaseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  return `${url.protocol}//${url.host}`;
}

export function accountFieldProblems(provider: ProviderName, input: AccountFieldsInput): { fields: AccountFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const username = input.username?.trim() || null;
  const sender = input.sender?.trim() || null;
  let baseUrl: string | null = null;
  if (input.baseUrl?.trim()) {
    baseUrl = normaliseBaseUrl(input.baseUrl);
    if (!baseUrl) problems.push({ field: 'baseUrl', key: 'accounts.error.badBaseUrl' });
  }
  if (needsCredentials(provider)) {
    if (!username) problems.push({ field: 'username', key: provider === 'twilio' ? 'accounts.error.accountSidRequired' : 'accounts.error.usernameRequired' });
    if (!input.hasSecret) problems.push({ field: 'password', key: provider === 'twilio' ? 'accounts.error.authTokenRequired' : 'accounts.error.passwordRequired' });
  }
  if (provider === 'twilio') {
    if (username && !TWILIO_SID.test(username)) problems.push({ field: 'username', key: 'accounts.error.badAccountSid' });
    if (!sender) problems.push({ field: 'sender', key: 'accounts.error.senderRequired' });
    else if (!TWILIO_SENDER.test(sender)) problems.push({ field: 'sender', key: 'accounts.error.badSender' });
  }
  for (const field of ['priceDomestic', 'priceInternational'] as const) {
    const v = input[field];
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) problems.push({ field, key: 'accounts.error.badPrice' });
  }
  return {
    fields: { username, sender, baseUrl, priceDomestic: input.priceDomestic ?? null, priceInternational: input.priceInternational ?? null },
    problems,
  };
}
