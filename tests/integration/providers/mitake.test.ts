// The Mitake adapter against the strict loopback fake over real HTTP.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createMitakeProvider } from '../../../src-main/core/providers/mitake';
import { ProviderCallError } from '../../../src-main/core/providers/common';
import { MITAKE_CODES } from '../../../src-main/core/providers/mitake/codes';
import { startMitakeFake, type MitakeFakeOptions } from '../../fakes/mitake';
import { decodeForm } from '../../fakes/http-fake';
import { FakeClock } from '../../helpers/fake-clock';
import { expectNoSecret, makeAdapter, message, refusedUrl, rejectionOf } from './adapter-helpers';

const SECRET = 'mtk p&ss%+密碼';

async function setup(options: MitakeFakeOptions = {}) {
  const clock = new FakeClock();
  const fake = await startMitakeFake({ username: 'shop', password: SECRET, now: () => clock.now(), ...options });
  onTestFinished(() => fake.close());
  const { provider } = makeAdapter(createMitakeProvider, { provider: 'mitake', baseUrl: fake.url, username: 'shop', secret: SECRET }, clock);
  return { fake, provider, clock };
}
const idOf = (o: unknown) => (o as { providerMessageId: string }).providerMessageId;

describe('Mitake adapter', () => {
  it('sends with CharsetURL=UTF8, the idempotency key as clientid, and line breaks as ASCII 6', async () => {
    const { fake, provider } = await setup();
    const m = message('+886912345678', '您好\n100% & +');
    const [o] = await provider.send([m]);
    expect(o).toEqual({ kind: 'accepted', providerMessageId: fake.accepted[0]!.msgid });
    expect(fake.accepted[0]).toMatchObject({ dstaddr: '0912345678', smbody: '您好\x06100% & +', clientid: m.idempotencyKey });
    expect(fake.requests[0]!.query).toBe('CharsetURL=UTF8');
  });

  it('a resend with the same key is de-duplicated by the provider: same msgid, one SMS', async () => {
    const { fake, provider } = await setup();
    const m = message('+886912345678', 'once');
    fake.afterAccept(1, 'hang');
    const [lost] = await provider.send([m]);
    expect(lost?.kind).toBe('unknown');
    const [again] = await provider.send([m]);
    expect(again).toEqual({ kind: 'accepted', providerMessageId: fake.accepted[0]!.msgid });
    expect(fake.accepted).toHaveLength(1);
    expect(fake.duplicates()).toBe(1);
  });

  it('sends several messages (different texts) in one SmBulkSend, credentials in its query, each answer found by clientid', async () => {
    const { fake, provider } = await setup();
    const batch = [message('+886912345678', '陳小姐 您好\n明天見'), message('+886912345679', '林先生 您好'), message('+88612', 'bad number')];
    const outcomes = await provider.send(batch);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.path).toBe('/api/mtk/SmBulkSend');
    expect(new URLSearchParams(fake.requests[0]!.query).get('Encoding_PostIn')).toBe('UTF8');
    expect(outcomes[0]).toEqual({ kind: 'accepted', providerMessageId: fake.accepted.find((a) => a.clientid === batch[0]!.idempotencyKey)!.msgid });
    expect(outcomes[1]).toEqual({ kind: 'accepted', providerMessageId: fake.accepted.find((a) => a.clientid === batch[1]!.idempotencyKey)!.msgid });
    expect(outcomes[2]).toMatchObject({ kind: 'rejected', code: 'v' });
    expect(fake.accepted.map((a) => a.smbody)).toEqual(['陳小姐 您好\x06明天見', '林先生 您好']);
    // Sent again after a lost answer: the clientids make it a replay, not a second SMS.
    const again = await provider.send(batch.slice(0, 2));
    expect(again.map(idOf)).toEqual(outcomes.slice(0, 2).map(idOf));
    expect(fake.accepted).toHaveLength(2);
    expect(fake.duplicates()).toBe(2);
  });

  it('a bulk text a record cannot carry ($$) goes by SmSend; a wrong password refuses the whole bulk as an account problem', async () => {
    const { fake, provider } = await setup();
    const outcomes = await provider.send([message('+886912345678', 'price $$ 100'), message('+886912345679', 'a'), message('+886912345670', 'b')]);
    expect(outcomes.every((o) => o.kind === 'accepted')).toBe(true);
    expect(fake.requests.map((r) => r.path).sort()).toEqual(['/api/mtk/SmBulkSend', '/api/mtk/SmSend']);
    expect(fake.accepted.find((a) => a.dstaddr === '0912345678')!.smbody).toBe('price $$ 100');
    fake.setCredentials('shop', 'changed');
    const refused = await provider.send([message('+886912345678', 'x'), message('+886912345679', 'y')]);
    expect(refused.map((o) => o.kind)).toEqual(['account', 'account']);
    expectNoSecret([refused], SECRET);
  });

  it('sends a long message as one request', async () => {
    const { fake, provider } = await setup();
    const [o] = await provider.send([message('+886912345678', '長'.repeat(150))]);
    expect(o?.kind).toBe('accepted');
    expect(fake.accepted[0]!.cost).toBe(3);
  });

  it('reports: pending while with the carrier, then delivered / failed / expired, with # ids encoded', async () => {
    const { fake, provider, clock } = await setup({ statusLagMs: 30_000 });
    fake.setFinalStatus('0912000002', '6');
    fake.setFinalStatus('0912000003', '8');
    const outcomes = await provider.send(['+886912000001', '+886912000002', '+886912000003'].map((n) => message(n, 'x')));
    const refs = ['+886912000001', '+886912000002', '+886912000003'].map((to, i) => ({ providerMessageId: idOf(outcomes[i]), to, acceptedAt: clock.now() }));
    expect((await provider.status(refs)).map((s) => s.state)).toEqual(['pending', 'pending', 'pending']);
    clock.jump(30_000);
    const reports = await provider.status(refs);
    expect(reports[0]).toEqual({ state: 'delivered', at: refs[0]!.acceptedAt + 30_000 });
    expect(reports[1]).toMatchObject({ state: 'failed', code: '6', key: 'providers.status.badNumber' });
    expect(reports[2]).toMatchObject({ state: 'expired', code: '8' });
    const q = fake.requests.at(-1)!;
    expect(q.path).toBe('/api/mtk/SmQuery');
    expect(decodeForm(q.body.toString('latin1')).get('msgid')!.split(',')).toEqual(refs.map((r) => r.providerMessageId));
  });

  it('reads the balance from SmQuery without ids', async () => {
    const { provider } = await setup({ credits: 110 });
    expect(await provider.balance()).toEqual({ balance: 110, unit: 'points', supported: true });
  });

  it('cancels a message still waiting (9); too late once delivered', async () => {
    const { provider, clock } = await setup({ statusLagMs: 30_000 });
    const [a] = await provider.send([message('+886912345678', 'a')]);
    expect(await provider.cancel!([{ providerMessageId: idOf(a), to: '+886912345678', acceptedAt: clock.now() }])).toEqual([{ kind: 'cancelled' }]);
    const [b] = await provider.send([message('+886912345679', 'b')]);
    clock.jump(30_000);
    const [late] = await provider.cancel!([{ providerMessageId: idOf(b), to: '+886912345679', acceptedAt: clock.now() }]);
    expect(late).toMatchObject({ kind: 'too_late', code: '4' });
  });

  it('wrong password (e) → account; balance throws with the code and never the secret', async () => {
    const { fake, provider } = await setup();
    fake.setCredentials('shop', 'x');
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: 'account', code: 'e', key: 'providers.code.badCredentials' });
    const err = await rejectionOf(provider.balance());
    expect(err).toBeInstanceOf(ProviderCallError);
    expect(err).toMatchObject({ outcome: 'account', params: { code: 'e' } });
    expectNoSecret([o, err, (err as Error).message], SECRET);
  });

  it('out of points → no_credit; bad number → rejected', async () => {
    const { fake, provider } = await setup({ credits: 0 });
    const [a] = await provider.send([message('+886912345678', 'a')]);
    expect(a).toMatchObject({ kind: 'no_credit', code: 's' });
    fake.setCredits(10);
    const [b] = await provider.send([message('+88612', 'a')]);
    expect(b).toMatchObject({ kind: 'rejected', code: 'v' });
    expect(fake.accepted).toHaveLength(0);
  });

  it.each(Object.entries(MITAKE_CODES).filter(([, e]) => e.kind !== 'accepted'))('code %s answers as its table says', async (code, entry) => {
    const { fake, provider } = await setup();
    fake.setNextCode(code);
    const [o] = await provider.send([message('+886912345678', 'a')]);
    expect(o).toMatchObject({ kind: entry.kind, code, key: entry.key });
  });

  it('429 with Retry-After → retry; refused → retry; malformed → unknown', async () => {
    const { fake, provider } = await setup();
    fake.failNext(1, 429, '3');
    fake.afterAccept(1, 'malformed');
    const [a] = await provider.send([message('+886912345678', 'a')]);
    const [b] = await provider.send([message('+886912345678', 'b')]);
    expect(a).toMatchObject({ kind: 'retry', retryAfterMs: 3000 });
    expect(b).toMatchObject({ kind: 'unknown', code: 'malformed' });
    const { provider: offline } = makeAdapter(createMitakeProvider, { provider: 'mitake', baseUrl: await refusedUrl(), secret: SECRET });
    expect((await offline.send([message('+886912345678', 'a')]))[0]).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED' });
  });
});

describe('Mitake fake strictness', () => {
  it('reads a body without CharsetURL as Big5, so UTF-8 text does not arrive as sent', async () => {
    const fake = await startMitakeFake();
    onTestFinished(() => fake.close());
    const body = new URLSearchParams({ username: 'user', password: 'pass', dstaddr: '0912345678', smbody: '你好' }).toString();
    const res = await fetch(`${fake.url}/api/mtk/SmSend`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(await res.text()).toContain('statuscode=1');
    expect(fake.accepted[0]!.smbody).toBe(new TextDecoder('big5').decode(Buffer.from('你好', 'utf8')));
    expect(fake.accepted[0]!.smbody).not.toBe('你好');
    const unknown = await fetch(`${fake.url}/api/mtk/SmQuery`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=user&password=pass&foo=1' });
    expect((await unknown.text()).trim()).toBe('y');
  });
});

describe('Mitake fake connection limit', () => {
  it('answers `l` to connections beyond 15 at once, and the adapter never opens that many', async () => {
    const fake = await startMitakeFake({ latencyMs: 200 });
    onTestFinished(() => fake.close());
    const body = 'username=user&password=pass';
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${fake.url}/api/mtk/SmQuery`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).then((r) => r.text())),
    );
    expect(answers.filter((a) => a.includes('statuscode=l'))).toHaveLength(5);

    const clock = new FakeClock();
    const { provider } = makeAdapter(createMitakeProvider, { provider: 'mitake', baseUrl: fake.url, username: 'user', secret: 'pass' }, clock);
    const outcomes = await provider.send(Array.from({ length: 20 }, (_, i) => message(`+8869120000${String(i).padStart(2, '0')}`, 'x')));
    expect(outcomes.every((o) => o.kind === 'accepted')).toBe(true);
  });
});
