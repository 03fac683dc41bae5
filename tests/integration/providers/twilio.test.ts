// The Twilio adapter against the strict loopback fake over real HTTP.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTwilioProvider } from '../../../src-main/core/providers/twilio';
import { ProviderCallError } from '../../../src-main/core/providers/common';
import { TWILIO_CODES } from '../../../src-main/core/providers/twilio/codes';
import { startTwilioFake, type TwilioFakeOptions } from '../../fakes/twilio';
import { decodeForm } from '../../fakes/http-fake';
import { FakeClock } from '../../helpers/fake-clock';
import { expectNoSecret, makeAdapter, message, refusedUrl, rejectionOf } from './adapter-helpers';

const SID = `AC${'1'.repeat(32)}`;
const TOKEN = 'twilio-auth-token-0123456789abcdef';
const MG = `MG${'f'.repeat(32)}`;

async function setup(options: TwilioFakeOptions = {}, sender = '+15005550006') {
  const clock = new FakeClock();
  const fake = await startTwilioFake({ accountSid: SID, authToken: TOKEN, now: () => clock.now(), ...options });
  onTestFinished(() => fake.close());
  const { provider } = makeAdapter(createTwilioProvider, { provider: 'twilio', baseUrl: fake.url, username: SID, secret: TOKEN, sender }, clock);
  return { fake, provider, clock };
}
const idOf = (o: unknown) => (o as { providerMessageId: string }).providerMessageId;

describe('Twilio adapter', () => {
  it('creates a message with Basic auth and From; the token is only in the Authorization header', async () => {
    const { fake, provider } = await setup();
    const [o] = await provider.send([message('+886912345678', '您好 100% & +')]);
    expect(o).toEqual({ kind: 'accepted', providerMessageId: fake.accepted[0]!.sid });
    expect(fake.accepted[0]).toMatchObject({ to: '+886912345678', from: '+15005550006', messagingServiceSid: null, body: '您好 100% & +' });
    const req = fake.requests[0]!;
    expect(req.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req.body.toString()).not.toContain(TOKEN);
  });

  it('a sender starting with MG is sent as MessagingServiceSid', async () => {
    const { fake, provider } = await setup({}, MG);
    await provider.send([message('+886912345678', 'hi')]);
    expect(fake.accepted[0]).toMatchObject({ from: null, messagingServiceSid: MG });
    expect(decodeForm(fake.requests[0]!.body.toString('latin1')).has('From')).toBe(false);
  });

  it('sends a long message (several segments) in one create', async () => {
    const { fake, provider } = await setup();
    const [o] = await provider.send([message('+886912345678', '長'.repeat(300))]);
    expect(o?.kind).toBe('accepted');
    expect(fake.accepted[0]!.body).toHaveLength(300);
  });

  it('fetches status: pending while queued, delivered at date_updated, undelivered with its error code', async () => {
    const { fake, provider, clock } = await setup({ statusLagMs: 10_000 });
    fake.setFinalStatus('+886912000002', 'undelivered', 30003);
    fake.setFinalStatus('+886912000003', 'failed', 30036);
    const outcomes = await provider.send(['+886912000001', '+886912000002', '+886912000003'].map((n) => message(n, 'x')));
    const refs = ['+886912000001', '+886912000002', '+886912000003'].map((to, i) => ({ providerMessageId: idOf(outcomes[i]), to, acceptedAt: clock.now() }));
    expect((await provider.status(refs)).map((s) => s.state)).toEqual(['pending', 'pending', 'pending']);
    clock.jump(10_000);
    const reports = await provider.status(refs);
    expect(reports[0]).toEqual({ state: 'delivered', at: refs[0]!.acceptedAt + 10_000 });
    expect(reports[1]).toMatchObject({ state: 'failed', code: '30003', key: 'providers.status.phoneOff' });
    expect(reports[2]).toMatchObject({ state: 'expired', code: '30036' });
  });

  it('has no balance API: unsupported; verify checks the credentials', async () => {
    const { fake, provider } = await setup();
    expect(await provider.balance()).toEqual({ balance: null, unit: null, supported: false });
    await provider.verify!();
    fake.setCredentials(SID, 'another-token');
    const err = await rejectionOf(provider.verify!());
    expect(err).toBeInstanceOf(ProviderCallError);
    expect(err).toMatchObject({ outcome: 'account', key: 'providers.code.badCredentials', params: { code: '20003' } });
    expectNoSecret([err, (err as Error).message], TOKEN);
  });

  it('cancels a queued message; too late once delivered', async () => {
    const { provider, clock } = await setup({ statusLagMs: 10_000 }, MG);
    const [a] = await provider.send([message('+886912345678', 'a')]);
    expect(await provider.cancel!([{ providerMessageId: idOf(a), to: '+886912345678', acceptedAt: clock.now() }])).toEqual([{ kind: 'cancelled' }]);
    const [b] = await provider.send([message('+886912345679', 'b')]);
    clock.jump(10_000);
    const [late] = await provider.cancel!([{ providerMessageId: idOf(b), to: '+886912345679', acceptedAt: clock.now() }]);
    expect(late).toMatchObject({ kind: 'too_late', code: '30409' });
  });

  it('wrong token → account (20003), never showing the token', async () => {
    const { fake, provider } = await setup();
    fake.setCredentials(SID, 'x');
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'account', code: '20003', key: 'providers.code.badCredentials' });
    expectNoSecret(o, TOKEN);
  });

  it('invalid To, empty body, too long → rejected by the fake with Twilio codes', async () => {
    const { fake, provider } = await setup();
    const outcomes = await provider.send([message('+1asd', 'x'), message('+886912345678', ''), message('+886912345678', 'x'.repeat(1601))]);
    expect(outcomes.map((o) => [o.kind, 'code' in o ? o.code : null])).toEqual([
      ['rejected', '21211'],
      ['rejected', '21602'],
      ['rejected', '21617'],
    ]);
    expect(fake.accepted).toHaveLength(0);
  });

  it('no sender configured → account problem, nothing sent', async () => {
    const { fake, provider } = await setup({}, '');
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'account', key: 'providers.code.badSender' });
    expect(fake.requests).toHaveLength(0);
  });

  it.each(Object.entries(TWILIO_CODES))('code %s answers as its table says', async (code, entry) => {
    const { fake, provider } = await setup();
    fake.setNextError(code === '20003' ? 401 : 400, Number(code));
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: entry.kind, code, key: entry.key, detail: `scripted error ${code}` });
  });

  it('an undocumented 4xx code → rejected; a 500 → unknown', async () => {
    const { fake, provider } = await setup();
    fake.setNextError(400, 12345);
    fake.setNextError(500, 20500);
    const [a] = await provider.send([message('+886912345678', 'a')]);
    const [b] = await provider.send([message('+886912345678', 'b')]);
    expect(a).toMatchObject({ kind: 'rejected', code: '12345', key: 'providers.http.badRequestStatus' });
    expect(b).toMatchObject({ kind: 'unknown', code: '20500' });
  });

  it('429 with Retry-After → retry after it; refused → retry; accept-then-hang → unknown', async () => {
    const { fake, provider } = await setup();
    fake.failNext(1, 429, '2');
    fake.afterAccept(1, 'hang');
    const [a] = await provider.send([message('+886912345678', 'a')]);
    const [b] = await provider.send([message('+886912345678', 'b')]);
    expect(a).toMatchObject({ kind: 'retry', retryAfterMs: 2000, code: 'http_429' });
    expect(b).toMatchObject({ kind: 'unknown' });
    expect(fake.accepted).toHaveLength(1);
    const { provider: offline } = makeAdapter(createTwilioProvider, { provider: 'twilio', baseUrl: await refusedUrl(), username: SID, secret: TOKEN, sender: MG });
    expect((await offline.send([message('+886912345678', 'a')]))[0]).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED' });
  });

  it('a malformed 201 body → unknown', async () => {
    const { fake, provider } = await setup();
    fake.afterAccept(1, 'malformed');
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'unknown', code: 'malformed' });
  });
});

describe('Twilio status when the provider does not answer', () => {
  it('throws when every fetch failed, so the caller knows nothing was learned', async () => {
    const { fake, provider, clock } = await setup();
    const [a] = await provider.send([message('+886912345678', 'a')]);
    fake.failNext(1, 500);
    const err = await rejectionOf(provider.status([{ providerMessageId: idOf(a), to: '+886912345678', acceptedAt: clock.now() }]));
    expect(err).toMatchObject({ outcome: 'unknown', params: { code: 'http_500' } });
  });
});
