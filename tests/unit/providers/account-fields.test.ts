// The account-field rules shared by the Settings form, the CLI and the core.
import { describe, expect, it } from 'vitest';
import { accountFieldProblems, normaliseBaseUrl } from '../../../src-shared/accounts/fields';

describe('normaliseBaseUrl', () => {
  it.each([
    ['https://proxy.example', 'https://proxy.example'],
    ['https://proxy.example/', 'https://proxy.example'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    [' https://Proxy.Example:443 ', 'https://proxy.example'],
    ['https://proxy.example/json/sms_send.php', null],
    ['https://proxy.example/?password=x', null],
    ['https://user:pw@proxy.example', null],
    ['ftp://proxy.example', null],
    ['proxy.example', null],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseBaseUrl(raw)).toBe(expected);
  });
});

describe('accountFieldProblems', () => {
  const keys = (...args: Parameters<typeof accountFieldProblems>) => accountFieldProblems(...args).problems.map((p) => `${p.field}:${p.key}`);

  it('needs nothing for the sandbox, a user and a password for the others', () => {
    expect(keys('sandbox', { hasSecret: false })).toEqual([]);
    expect(keys('twsms', { hasSecret: false })).toEqual(['username:accounts.error.usernameRequired', 'password:accounts.error.passwordRequired']);
    expect(keys('mitake', { username: 'u', hasSecret: true })).toEqual([]);
  });

  it('checks a Twilio Account SID and sender', () => {
    const sid = `AC${'0'.repeat(32)}`;
    expect(keys('twilio', { username: sid, hasSecret: true, sender: '+15005550006' })).toEqual([]);
    expect(keys('twilio', { username: sid, hasSecret: true, sender: `MG${'f'.repeat(32)}` })).toEqual([]);
    expect(keys('twilio', { username: sid, hasSecret: true, sender: 'MyShop' })).toEqual([]);
    expect(keys('twilio', { username: 'AC1', hasSecret: true })).toEqual(['username:accounts.error.badAccountSid', 'sender:accounts.error.senderRequired']);
    expect(keys('twilio', { username: sid, hasSecret: true, sender: '0912 345 678 abc!' })).toEqual(['sender:accounts.error.badSender']);
  });

  it('refuses a base URL with a path and a negative price, and trims what it keeps', () => {
    expect(keys('every8d', { username: 'u', hasSecret: true, baseUrl: 'https://x.example/API21', priceDomestic: -1 })).toEqual([
      'baseUrl:accounts.error.badBaseUrl',
      'priceDomestic:accounts.error.badPrice',
    ]);
    expect(accountFieldProblems('every8d', { username: ' u ', hasSecret: true, baseUrl: 'https://x.example/' }).fields).toMatchObject({ username: 'u', baseUrl: 'https://x.example' });
  });
});
