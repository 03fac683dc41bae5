// The TwSMS adapter against the strict loopback fake over real HTTP.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTwsmsProvider } from '../../../src-main/core/providers/twsms';
import { ProviderCallError } from '../../../src-main/core/providers/common';
import { TWSMS_CODES } from '../../../src-main/core/providers/twsms/codes';
import { startTwsmsFake, type TwsmsFakeOptions } from '../../fakes/twsms';
import { FakeClock } from '../../helpers/fake-clock';
import { decodeForm } from '../../fakes/http-fake';
import { expectNoSecret, makeAdapter, message, refusedUrl, rejectionOf } from './adapter-helpers';

const SECRET = 'p@ss w&rd%+秘密';

async function setup(options: TwsmsFakeOptions = {}) {
  const clock = new FakeClock();
  const fake = await startTwsmsFake({ username: 'shop', password: SECRET, now: () => clock.now(), ...options });
  onTestFinished(() => fake.close());
  const { provider } = makeAdapter(createTwsmsProvider, { provider: 'twsms', baseUrl: fake.url, username: 'shop', secret: SECRET }, clock);
  return { fake, provider, clock };
}

describe('TwSMS adapter', () => {
  it('sends one message, form-encoded UTF-8, with the password only in the body', async () => {
    const { fake, provider } = await setup();
    const [outcome] = await provider.send([message('+886912345678', '您好 100% & +測試')]);
    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: String(fake.accepted[0]!.msgid) });
    expect(fake.accepted).toHaveLength(1);
    expect(fake.accepted[0]).toMatchObject({ mobile: '0912345678', message: '您好 100% & +測試', longsms: false });
    const req = fake.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.query).toBe('');
    expect(decodeForm(req.body.toString('latin1')).get('password')).toBe(SECRET);
  });

  it('sends a long message with longsms=Y and a one-segment one with longsms=N', async () => {
    const { fake, provider } = await setup();
    const long = '這是一則很長的簡訊。'.repeat(10); // 100 UCS-2 characters: 2 segments
    const outcomes = await provider.send([message('+886912345678', long), message('+886912345679', 'short')]);
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'accepted']);
    expect(fake.accepted.map((a) => a.longsms).sort()).toEqual([false, true]);
    expect(fake.credits()).toBe(1000 - 3);
  });

  it('sends several messages of a batch, one request each, results in order', async () => {
    const { fake, provider } = await setup();
    const batch = ['+886912000001', '+886912000002', '+886912000003', '+886912000004', '+886912000005', '+886912000006'].map((n) => message(n, `hi ${n}`));
    const outcomes = await provider.send(batch);
    expect(outcomes).toHaveLength(6);
    for (const [i, o] of outcomes.entries()) {
      const rec = fake.accepted.find((a) => String(a.msgid) === (o as { providerMessageId: string }).providerMessageId);
      expect(rec?.mobile).toBe('0' + batch[i]!.to.slice(4));
    }
  });

  it('sends an international number with its country code and no plus', async () => {
    const { fake, provider } = await setup();
    await provider.send([message('+8613681912700', 'hello')]);
    expect(fake.accepted[0]).toMatchObject({ mobile: '8613681912700', cost: 3 });
  });

  it('maps delivery reports: pending while ACCEPTD, then delivered with the Taipei done time', async () => {
    const { fake, provider, clock } = await setup({ statusLagMs: 60_000 });
    const [sent] = await provider.send([message('+886912345678', 'hi')]);
    const ref = { providerMessageId: (sent as { providerMessageId: string }).providerMessageId, to: '+886912345678', acceptedAt: clock.now() };
    expect(await provider.status([ref])).toEqual([{ state: 'pending' }]);
    clock.jump(61_000);
    const [report] = await provider.status([ref]);
    // The fake stamps done = accepted + lag in Taipei time, to the second.
    expect(report).toEqual({ state: 'delivered', at: Math.floor((ref.acceptedAt + 60_000) / 1000) * 1000 });
    expect(fake.requests.at(-1)!.body.toString()).toContain('msgid=');
  });

  it.each([
    ['MOBERROR', 'failed', 'providers.status.badNumber'],
    ['EXPIRED', 'expired', 'providers.status.expired'],
    ['REJMOBIL', 'failed', 'providers.status.optedOut'],
    ['UNDELIV', 'failed', 'providers.status.undeliverable'],
  ])('maps the final word %s to %s', async (word, state, key) => {
    const { fake, provider, clock } = await setup();
    fake.setFinalStatus('0912345678', word);
    const [sent] = await provider.send([message('+886912345678', 'hi')]);
    const [report] = await provider.status([{ providerMessageId: (sent as { providerMessageId: string }).providerMessageId, to: '+886912345678', acceptedAt: clock.now() }]);
    expect(report).toMatchObject({ state, code: word, key });
  });

  it('asks with outrange=Y for a message older than three days', async () => {
    const { fake, provider, clock } = await setup();
    const [sent] = await provider.send([message('+886912345678', 'hi')]);
    const acceptedAt = clock.now();
    clock.jump(4 * 24 * 3600_000);
    await provider.status([{ providerMessageId: (sent as { providerMessageId: string }).providerMessageId, to: '+886912345678', acceptedAt }]);
    expect(decodeForm(fake.requests.at(-1)!.body.toString('latin1')).get('outrange')).toBe('Y');
  });

  it('reads the balance with checkpoint=Y', async () => {
    const { provider } = await setup({ credits: 77 });
    expect(await provider.balance()).toEqual({ balance: 77, unit: 'points', supported: true });
  });

  it('cancels a message still waiting at the provider, and says too late afterwards', async () => {
    const { provider, clock } = await setup({ statusLagMs: 60_000 });
    const [a] = await provider.send([message('+886912345678', 'hi')]);
    const ref = { providerMessageId: (a as { providerMessageId: string }).providerMessageId, to: '+886912345678', acceptedAt: clock.now() };
    expect(await provider.cancel!([ref])).toEqual([{ kind: 'cancelled' }]);
    const [b] = await provider.send([message('+886912345679', 'hi')]);
    clock.jump(61_000);
    const [late] = await provider.cancel!([{ ...ref, providerMessageId: (b as { providerMessageId: string }).providerMessageId, to: '+886912345679' }]);
    expect(late).toMatchObject({ kind: 'too_late', code: '00300' });
  });

  it('out of credit (00020) → no_credit, and nothing was recorded', async () => {
    const { fake, provider } = await setup({ credits: 0 });
    const [o] = await provider.send([message('+886912345678', 'hi')]);
    expect(o).toMatchObject({ kind: 'no_credit', code: '00020', key: 'providers.code.noCredit', params: { provider: 'TwSMS', code: '00020' } });
    expect(fake.accepted).toHaveLength(0);
  });

  it('wrong password (00010) → account, and the error never shows the secret', async () => {
    const { fake, provider } = await setup();
    fake.setCredentials('shop', 'another');
    const [o] = await provider.send([message('+886912345678', 'hi')]);
    expect(o).toMatchObject({ kind: 'account', code: '00010', key: 'providers.code.badCredentials' });
    const err = await rejectionOf(provider.balance());
    expect(err).toBeInstanceOf(ProviderCallError);
    expect(err).toMatchObject({ outcome: 'account', kind: 'provider', key: 'providers.code.badCredentials', params: { code: '00010' } });
    expectNoSecret([o, err, (err as Error).message], SECRET);
  });

  it('bad number, empty text, emoji and too long are refused by the provider as messages (rejected)', async () => {
    const { fake, provider } = await setup();
    const outcomes = await provider.send([
      message('+88612', 'hi'),
      message('+886912345678', ''),
      message('+886912345678', 'hi 😀'),
      message('+886912345678', '長'.repeat(400)),
    ]);
    expect(outcomes.map((o) => [o.kind, 'code' in o ? o.code : null])).toEqual([
      ['rejected', '00100'],
      ['rejected', '00110'],
      ['rejected', '00180'],
      ['rejected', '00130'],
    ]);
    expect(fake.accepted).toHaveLength(0);
  });

  it.each(Object.entries(TWSMS_CODES).filter(([c]) => c !== '00000' && c !== '00001'))('code %s answers as its table says', async (code, entry) => {
    const { fake, provider } = await setup();
    fake.setNextCode(code, 1, `words for ${code}`);
    const [o] = await provider.send([message('+886912345678', 'hi')]);
    expect(o).toMatchObject({ kind: entry.kind, code, key: entry.key, detail: `words for ${code}` });
  });

  it('99998 is retried; an undocumented code is unknown', async () => {
    const { fake, provider } = await setup();
    fake.setNextCode('99998');
    fake.setNextCode('12345');
    const outcomes = await provider.send([message('+886912345678', 'a')]);
    const more = await provider.send([message('+886912345678', 'b')]);
    expect(outcomes[0]).toMatchObject({ kind: 'retry', code: '99998' });
    expect(more[0]).toMatchObject({ kind: 'unknown', code: '12345', key: 'providers.code.unrecognised' });
  });

  it('429 with Retry-After in seconds or as an HTTP date → retry after that long; nothing recorded', async () => {
    const { fake, provider, clock } = await setup();
    fake.failNext(1, 429, '30');
    fake.failNext(1, 503, new Date(clock.now() + 120_000).toUTCString());
    const [a] = await provider.send([message('+886912345678', 'a')]);
    const [b] = await provider.send([message('+886912345678', 'b')]);
    expect(a).toMatchObject({ kind: 'retry', retryAfterMs: 30_000, key: 'providers.http.throttled', code: 'http_429' });
    expect(b).toMatchObject({ kind: 'retry', retryAfterMs: 120_000, key: 'providers.http.unavailable', code: 'http_503' });
    expect(fake.accepted).toHaveLength(0);
  });

  it('a 500 after the request arrived → unknown', async () => {
    const { fake, provider } = await setup();
    fake.failNext(1, 500);
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'unknown', code: 'http_500' });
  });

  it('connection refused → retry', async () => {
    const { provider } = makeAdapter(createTwsmsProvider, { provider: 'twsms', baseUrl: await refusedUrl(), secret: SECRET });
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED', key: 'providers.http.refused' });
    expectNoSecret(o, SECRET);
  });

  it('a name that does not resolve → retry', async () => {
    const { provider } = makeAdapter(createTwsmsProvider, { provider: 'twsms', baseUrl: 'http://no-such-host.invalid', secret: SECRET });
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'retry', key: 'providers.http.dns' });
  });

  it('accept-then-hang → unknown, and the provider did record the message', async () => {
    const { fake, provider } = await setup();
    fake.afterAccept(1, 'hang');
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'unknown', code: 'UND_ERR_HEADERS_TIMEOUT', key: 'providers.http.noAnswer' });
    expect(fake.accepted).toHaveLength(1);
  });

  it('hang before accepting also looks like no answer → unknown (the adapter cannot tell)', async () => {
    const { fake, provider } = await setup();
    fake.hangBeforeAccept(1);
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'unknown' });
    expect(fake.accepted).toHaveLength(0);
  });

  it('a malformed 200 body → unknown; a connection reset mid-answer → unknown', async () => {
    const { fake, provider } = await setup();
    fake.afterAccept(1, 'malformed');
    fake.afterAccept(1, 'reset');
    const [a] = await provider.send([message('+886912345678', 'a')]);
    const [b] = await provider.send([message('+886912345678', 'b')]);
    expect(a).toMatchObject({ kind: 'unknown', code: 'malformed', key: 'providers.http.malformed' });
    expect(b).toMatchObject({ kind: 'unknown' });
    expect(fake.accepted).toHaveLength(2);
  });

  it('latency is waited out within the timeout', async () => {
    const { fake, provider } = await setup({ latencyMs: 100 });
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o?.kind).toBe('accepted');
    expect(fake.latencyMs).toBe(100);
  });

  it('one failed status query reads pending (ask again later); when every query fails the call throws', async () => {
    const { fake, provider, clock } = await setup({ statusLagMs: 60_000 });
    const sent = await provider.send([message('+886912345678', 'a'), message('+886912345679', 'b')]);
    const refs = sent.map((o, i) => ({ providerMessageId: (o as { providerMessageId: string }).providerMessageId, to: i === 0 ? '+886912345678' : '+886912345679', acceptedAt: clock.now() }));
    fake.failNext(1, 503, '1');
    expect(await provider.status(refs)).toEqual([{ state: 'pending' }, { state: 'pending' }]);
    fake.failNext(2, 503, '1');
    const err = await rejectionOf(provider.status(refs));
    expect(err).toMatchObject({ outcome: 'retry', params: { code: 'http_503' } });
  });
});

describe('TwSMS fake strictness', () => {
  it('refuses unknown parameters and bytes that are not UTF-8', async () => {
    const fake = await startTwsmsFake();
    onTestFinished(() => fake.close());
    const post = (body: string) => fetch(`${fake.url}/json/sms_send.php`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const unknown = await post('username=user&password=pass&mobile=0912345678&message=hi&foo=1');
    expect([unknown.status, await unknown.text()]).toEqual([400, 'unknown parameter: foo']);
    const big5 = await post('username=user&password=pass&mobile=0912345678&message=%A7%41%A6n');
    expect(big5.status).toBe(400);
    const ok = await post('username=user&password=pass&mobile=0912345678&message=%E4%BD%A0%E5%A5%BD');
    expect(await ok.json()).toMatchObject({ code: '00000' });
    expect(fake.accepted.map((a) => a.message)).toEqual(['你好']);
  });
});

describe('TwSMS fake double decoding (providers.md §1.3)', () => {
  it('decodes once by default; the switch shows what a server that decodes twice would make of "+"', async () => {
    for (const [doubleDecode, expected] of [[false, 'a+b'], [true, 'a b']] as const) {
      const clock = new FakeClock();
      const fake = await startTwsmsFake({ doubleDecode, now: () => clock.now() });
      onTestFinished(() => fake.close());
      const { provider } = makeAdapter(createTwsmsProvider, { provider: 'twsms', baseUrl: fake.url }, clock);
      await provider.send([message('+886912345678', 'a+b')]);
      expect(fake.accepted[0]!.message).toBe(expected);
    }
  });
});
