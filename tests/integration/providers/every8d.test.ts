// The EVERY8D adapter against the strict loopback fake over real HTTP.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createEvery8dProvider } from '../../../src-main/core/providers/every8d';
import { ProviderCallError } from '../../../src-main/core/providers/common';
import { EVERY8D_CODES } from '../../../src-main/core/providers/every8d/codes';
import { startEvery8dFake, type Every8dFakeOptions } from '../../fakes/every8d';
import { decodeForm } from '../../fakes/http-fake';
import { FakeClock } from '../../helpers/fake-clock';
import { expectNoSecret, makeAdapter, message, refusedUrl, rejectionOf } from './adapter-helpers';

const SECRET = 'e8d s&cr%t+密';

async function setup(options: Every8dFakeOptions = {}) {
  const clock = new FakeClock();
  const fake = await startEvery8dFake({ username: 'shop', password: SECRET, now: () => clock.now(), ...options });
  onTestFinished(() => fake.close());
  const { provider } = makeAdapter(createEvery8dProvider, { provider: 'every8d', baseUrl: fake.url, username: 'shop', secret: SECRET }, clock);
  return { fake, provider, clock };
}
const idOf = (o: unknown) => (o as { providerMessageId: string }).providerMessageId;

describe('EVERY8D adapter', () => {
  it('sends one text to several numbers in one request, one batch id for all', async () => {
    const { fake, provider } = await setup();
    const outcomes = await provider.send([message('+886912000001', '您好 100% & +'), message('+886912000002', '您好 100% & +'), message('+886912000003', 'other')]);
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(idOf(outcomes[0])).toBe(idOf(outcomes[1]));
    expect(idOf(outcomes[2])).not.toBe(idOf(outcomes[0]));
    expect(fake.requests).toHaveLength(2);
    const form = decodeForm(fake.requests.find((r) => r.body.includes('912000001'))!.body.toString('latin1'));
    expect(form.get('DEST')).toBe('+886912000001,+886912000002');
    expect(form.get('MSG')).toBe('您好 100% & +');
    expect(fake.accepted).toHaveLength(3);
  });

  it('a long message goes in one request and is billed by length', async () => {
    const { fake, provider } = await setup();
    const [o] = await provider.send([message('+886912345678', '長'.repeat(150))]);
    expect(o?.kind).toBe('accepted');
    expect(fake.accepted[0]!.cost).toBe(3);
  });

  it('reports: pending (0) until the lag passes, then delivered with the received time; failures mapped', async () => {
    const { fake, provider, clock } = await setup({ statusLagMs: 60_000 });
    fake.setFinalStatus('+886912000002', '103');
    fake.setFinalStatus('+886912000003', '107');
    const outcomes = await provider.send(['+886912000001', '+886912000002', '+886912000003'].map((n) => message(n, 'same')));
    const refs = ['+886912000001', '+886912000002', '+886912000003'].map((to, i) => ({ providerMessageId: idOf(outcomes[i]), to, acceptedAt: clock.now() }));
    expect(await provider.status(refs)).toEqual([{ state: 'pending' }, { state: 'pending' }, { state: 'pending' }]);
    clock.jump(60_000);
    const reports = await provider.status(refs);
    expect(reports[0]).toEqual({ state: 'delivered', at: refs[0]!.acceptedAt + 60_000 });
    expect(reports[1]).toMatchObject({ state: 'failed', code: '103', key: 'providers.status.noSuchNumber' });
    expect(reports[2]).toMatchObject({ state: 'expired', code: '107' });
    expect(fake.requests.filter((r) => r.path.endsWith('getDeliveryStatus.ashx'))).toHaveLength(2); // one per poll for the batch
  });

  it('reads the credit', async () => {
    const { provider } = await setup({ credits: 1230 });
    expect(await provider.balance()).toEqual({ balance: 1230, unit: 'points', supported: true });
  });

  it('cancels a batch still waiting; too late once it went out', async () => {
    const { provider, clock } = await setup({ statusLagMs: 60_000 });
    const [a] = await provider.send([message('+886912345678', 'a')]);
    expect(await provider.cancel!([{ providerMessageId: idOf(a), to: '+886912345678', acceptedAt: clock.now() }])).toEqual([{ kind: 'cancelled' }]);
    const [b] = await provider.send([message('+886912345678', 'b')]);
    clock.jump(60_000);
    const [late] = await provider.cancel!([{ providerMessageId: idOf(b), to: '+886912345678', acceptedAt: clock.now() }]);
    expect(late).toMatchObject({ kind: 'too_late', key: 'providers.cancel.tooLate' });
  });

  it('no credit: nothing sent → no_credit', async () => {
    const { fake, provider } = await setup({ credits: 0 });
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'no_credit', key: 'providers.code.noCredit' });
    expect(fake.accepted).toHaveLength(0);
  });

  it('wrong password → account (-2); the balance error names the code and never the secret', async () => {
    const { fake, provider } = await setup();
    fake.setCredentials('shop', 'other');
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'account', code: '-2', key: 'providers.code.badCredentials' });
    const err = await rejectionOf(provider.balance());
    expect(err).toBeInstanceOf(ProviderCallError);
    expect(err).toMatchObject({ outcome: 'account', params: { code: '-2' } });
    expectNoSecret([o, err, (err as Error).message], SECRET);
  });

  it('bad number and empty text are refused as messages', async () => {
    const { provider } = await setup();
    const [a] = await provider.send([message('+88612', 'x')]);
    const [b] = await provider.send([message('+886912345678', '')]);
    expect(a).toMatchObject({ kind: 'rejected', code: '-3' });
    expect(b).toMatchObject({ kind: 'rejected', code: '-24' });
  });

  it.each(Object.entries(EVERY8D_CODES))('code %s answers as its table says', async (code, entry) => {
    const { fake, provider } = await setup();
    fake.setNextCode(code);
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: entry.kind, code, key: entry.key, detail: `words for ${code}` });
  });

  it('a resend after an unknown attempt uses the duplicate filter: a message that went out is dropped, not sent twice', async () => {
    const { fake, provider } = await setup();
    await provider.send([message('+886912345678', 'same text')]);
    const [o] = await provider.send([{ ...message('+886912345678', 'same text'), previousAttemptUnknown: true }]);
    expect(o).toMatchObject({ kind: 'rejected', code: '-98' });
    expect(fake.accepted).toHaveLength(1);
    const [fresh] = await provider.send([{ ...message('+886912000009', 'same text'), previousAttemptUnknown: true }]);
    expect(fresh?.kind).toBe('accepted');
    expect(fake.accepted.at(-1)!.filtered).toBe(true);
  });

  it('429 with Retry-After → retry; refused connection → retry', async () => {
    const { fake, provider } = await setup();
    fake.failNext(1, 429, '7');
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    const { provider: offline } = makeAdapter(createEvery8dProvider, { provider: 'every8d', baseUrl: await refusedUrl(), secret: SECRET });
    const [r] = await offline.send([message('+886912345678', 'a')]);
    expect(r).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED' });
    expect(fake.accepted).toHaveLength(0);
  });

  it('accept-then-hang and a malformed body → unknown for every message of the request', async () => {
    const { fake, provider } = await setup();
    fake.afterAccept(1, 'hang');
    fake.afterAccept(1, 'malformed');
    const hung = await provider.send([message('+886912000001', 'a'), message('+886912000002', 'a')]);
    const bad = await provider.send([message('+886912000003', 'b')]);
    expect(hung.map((o) => o.kind)).toEqual(['unknown', 'unknown']);
    expect(bad).toMatchObject([{ kind: 'unknown', code: 'malformed' }]);
    expect(fake.accepted).toHaveLength(3);
  });
});
