// The contract as a network surface (DESIGN.md §2): whatever JSON arrives, dispatchCall answers with
// the method's output or an ApiError — never another exception — and input that does not fit the
// method's schema is a `validation` error before any handler runs. Against the real core.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore, type Core } from '../../src-main/core';
import { contract, isMethodName, methodNames, type MethodName } from '../../src-shared/api/contract';
import { dispatchCall } from '../../src-shared/api/dispatch';
import { ApiError, apiErrorSchema, errorKinds, toApiError } from '../../src-shared/api/errors';
import { FakeClock } from '../helpers/fake-clock';
import { tempDirManual } from '../helpers/temp-dir';
import { contactsExamples } from './contacts-contract-examples';
import { rulesExamples } from './rules-contract-examples';

let core: Core;
let removeDir: () => void;

beforeAll(async () => {
  const { dir, remove } = tempDirManual();
  removeDir = remove;
  // dispatch: false — this suite is about the boundary; sending is covered by the outbox tests.
  core = await createCore({ dataDir: dir, clock: new FakeClock(), dispatch: false, log: () => {} });
  // Backups made by the data.* properties stay inside the temp dir.
  await core.api['settings.set']({ key: 'data.backupDir', value: `${dir}/backups` });
});

afterAll(async () => {
  await core?.close();
  removeDir?.();
});

/** Inputs that fit (or nearly fit) each method, so the property reaches the handlers and not only zod. */
const examples: Record<MethodName, Record<string, unknown>[]> = {
  'app.info': [{}],
  'settings.list': [{}],
  'settings.set': [{ key: 'shop.name', value: '測試店' }, { key: 'nope', value: 1 }, { key: 'sandbox.deliveryDelayMs', value: -1 }, { key: 'shop.timeZone', value: 'Asia/Tokyo' }],
  'accounts.list': [{}],
  'accounts.balance': [{}, { name: 'sandbox' }, { name: 'nobody' }],
  'accounts.setDefault': [{ name: 'sandbox' }, { name: 'nobody' }],
  // Only the sandbox here: a real provider would be asked over the network.
  'accounts.add': [{ provider: 'sandbox', name: 'second' }, { provider: 'sandbox', name: 'sandbox' }, { provider: 'sandbox', name: 'x', baseUrl: 'ftp://nope' }],
  'accounts.update': [{ name: 'sandbox', priceDomestic: 0.8 }, { name: 'nobody' }],
  'accounts.remove': [{ name: 'second' }, { name: 'nobody' }, { name: 'sandbox' }],
  'accounts.test': [{}, { name: 'sandbox' }, { name: 'nobody' }],
  'messages.send': [
    { to: '0912345678', text: 'hi' },
    { to: ['0912345678', '0922333444'], text: '您好', at: '2026-06-01T10:00', memo: 'm', origin: 'cli' },
    { to: '123', text: 'x' },
    { to: '0912345678', text: ' ' },
    { to: '0912345678', text: 'hi', at: 'garbage' },
    { to: '0912345678', text: 'hi', at: '2020-01-01T00:00:00Z' },
    { to: '0912345678', text: 'hi', account: 'nobody' },
  ],
  'messages.list': [{}, { status: ['sent', 'queued'], search: '0912', limit: 5, since: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00+08:00', beforeId: 3, account: 'sandbox' }],
  'messages.get': [{ id: 1 }, { id: 99_999 }],
  'messages.cancel': [{ id: 1 }, { id: 99_999 }],
  'messages.resend': [{ id: 1 }, { id: 99_999, origin: 'cli' }, { id: 1, acknowledged: ['quiet_hours'] }],
  'messages.resendCheck': [{ id: 1 }, { id: 99_999, origin: 'cli' }],
  'messages.markFailed': [{ id: 1 }, { id: 99_999 }],
  'messages.events': [{ id: 1 }, { id: 99_999 }],
  'messages.counts': [{}, { recipient: '0912', text: 'HI', origin: ['composer'], since: '2026-01-01T00:00:00Z' }, { account: 'nobody' }],
  'messages.export': [{}, { format: 'xlsx', filter: { status: ['failed'], memo: '=1+1' } }, { format: 'pdf' }],
  'reports.summary': [{ since: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' }, { since: '2026-01-01T00:00:00Z', until: '2026-01-01T00:00:00Z', groupBy: 'week' }, { since: 'x', until: 'y' }],
  'accounts.resume': [{ name: 'sandbox' }, { name: 'nobody' }],
  'dispatcher.status': [{}],
  'dispatcher.setPaused': [{ paused: true }, { paused: false }],
  ...contactsExamples,
  ...rulesExamples,
  'data.status': [{}],
  'data.backups': [{}],
  'data.backup': [{}, { file: 'relative.smsbak' }, { file: '/nonexistent-dir/x.txt' }],
  'data.restore': [{ file: 'nope.smsbak' }, { file: '/nonexistent/x.smsbak' }],
  'data.check': [{ kind: 'quick' }, {}],
  'data.compact': [{}],
  'data.clear': [{ scope: 'logs', confirmation: 'not the word' }],
  'data.recoverFromBackup': [{}],
  'data.recoverStartEmpty': [{}],
  'templates.list': [{}, { search: '生日' }],
  'templates.save': [{ name: '生日祝福', body: '{姓名} 生日快樂' }, { id: 999, name: 'x', body: 'y' }],
  'templates.remove': [{ id: 1 }, { id: 999 }],
  'compose.placeholders': [{}],
  'compose.preview': [{ draft: { recipients: { numbers: '0912345678' }, text: '您好 {姓名}' } }],
  'compose.check': [{ draft: { recipients: { numbers: '0912345678, 12' }, text: '您好' } }, { draft: { recipients: {}, text: '' } }],
  'compose.send': [{ draft: { recipients: { numbers: '0912345678' }, text: '您好' }, acknowledged: ['quiet_hours'] }],
  'compose.sendTest': [{ draft: { recipients: {}, text: '測試' }, to: '0912345678' }],
  'scheduler.status': [{}],
  'scheduler.missed': [{}, { limit: 5 }],
  'scheduler.acknowledge': [{ ids: [1] }, { all: 'missed' }, {}],
  'integration.keys.list': [{}],
  'integration.keys.create': [{ name: 'POS' }],
  'integration.keys.revoke': [{ id: 1 }, { id: 999 }],
  'integration.messages.create': [{ apiKey: 'smsd_wrong', request: { to: '0912345678', text: 'hi' } }],
  'integration.events.create': [{ apiKey: 'smsd_wrong', kind: 'purchase', request: { to: '0912345678', amount: 100 } }],
  'integration.messages.get': [{ apiKey: 'smsd_wrong', id: 1 }],
};

/** Arbitrary JSON, the method's own keys holding arbitrary JSON, and its examples with one key changed. */
function inputsFor(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[method].input as unknown as z.ZodObject<Record<string, z.ZodType>>;
  const keys = Object.keys(schema.shape);
  const plausible = fc.record(Object.fromEntries(keys.map((k) => [k, fc.jsonValue({ maxDepth: 2 })])), { requiredKeys: [] });
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(undefined));
  const mutated = fc
    .tuple(fc.constantFrom(...examples[method]), fc.constantFrom(...keys, 'extra'), value, fc.boolean())
    .map(([example, key, v, change]) => (change ? { ...example, [key]: v } : example));
  return fc.oneof(fc.jsonValue({ maxDepth: 3 }), plausible, mutated, mutated, fc.constant(undefined), fc.constant(null));
}

async function outcome(method: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await dispatchCall(core.api, method, input) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Methods whose every accepted call copies, checks or swaps the whole database (a restore makes a
 * safety backup first): fewer runs keep each within the test timeout; their inputs are small.
 */
const HEAVY = new Set<MethodName>(['data.backup', 'data.restore', 'data.recoverFromBackup', 'data.compact', 'data.check', 'data.clear']);

describe('dispatchCall with arbitrary JSON', () => {
  for (const method of methodNames) {
    it(`${method}: answers with its output or an ApiError, and refuses ill-fitting input as validation`, async () => {
      const seen = { fits: 0, misfits: 0 };
      await fc.assert(
        fc.asyncProperty(inputsFor(method), async (input) => {
          const fits = contract[method].input.safeParse(input ?? {}).success;
          seen[fits ? 'fits' : 'misfits']++;
          const result = await outcome(method, input);
          if (result.ok) {
            expect(fits).toBe(true);
            expect(contract[method].output.safeParse(result.value).success).toBe(true);
            return;
          }
          expect(result.error).toBeInstanceOf(ApiError);
          const error = result.error as ApiError;
          expect(apiErrorSchema.safeParse(error.toJSON()).success).toBe(true);
          if (!fits) expect(error.kind).toBe('validation');
          // Input the contract accepts may be refused by the domain, but never crash it.
          else expect(error.kind).not.toBe('internal');
        }),
        { numRuns: HEAVY.has(method) ? 40 : 150 },
      );
      // Both branches of the property were exercised (not only zod's refusals).
      expect(seen.fits).toBeGreaterThan(0);
      expect(seen.misfits).toBeGreaterThan(0);
    });
  }

  it('refuses unknown method names, including Object.prototype members, as not_found', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', 'messages', 'messages.send ')), fc.jsonValue(), async (name, input) => {
        fc.pre(!isMethodName(name));
        const result = await outcome(name, input);
        expect(result.ok).toBe(false);
        expect(result.ok ? null : (result.error as ApiError).kind).toBe('not_found');
      }),
      { numRuns: 200 },
    );
  });

  it('cuts a long unknown method name in the error params', async () => {
    const result = await outcome('x'.repeat(500), {});
    expect(result.ok ? null : (result.error as ApiError).params?.method).toBe('x'.repeat(80));
  });

  it('reports where validation failed', async () => {
    const result = await outcome('messages.send', { to: 5, text: 'hi' });
    const error = (result.ok ? null : result.error) as ApiError;
    expect(error.kind).toBe('validation');
    expect(error.key).toBe('errors.validation.invalidInput');
    expect(error.issues?.map((i) => i.path)).toContain('to');
  });

  it('refuses extra keys (strict objects), so a typo never passes silently', async () => {
    const result = await outcome('messages.list', { limit: 5, sattus: ['sent'] });
    expect(result.ok ? null : (result.error as ApiError).kind).toBe('validation');
  });

  it('applies defaults: messages.list without a limit gets 100', async () => {
    const result = await outcome('messages.list', {});
    expect(result.ok).toBe(true);
  });
});

describe('dispatchCall with a handler map of its own (the contract, not the core)', () => {
  /** The real core's handlers, with one method replaced: dispatchCall takes any ApiHandlers. */
  const withHandler = (method: MethodName, handler: (input: unknown) => unknown) => ({ ...core.api, [method]: handler }) as typeof core.api;

  it('turns a handler that throws anything but an ApiError into internal, without its text', async () => {
    const handlers = withHandler('app.info', () => {
      throw new Error('db password=hunter2');
    });
    const error = await dispatchCall(handlers, 'app.info', {}).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toJSON()).toEqual({ kind: 'internal', key: 'errors.internal' });
  });

  it('passes an ApiError a handler throws through unchanged', async () => {
    const handlers = withHandler('messages.get', () => {
      throw new ApiError('not_found', 'errors.notFound.message', { id: 7 });
    });
    await expect(dispatchCall(handlers, 'messages.get', { id: 7 })).rejects.toMatchObject({ kind: 'not_found', params: { id: 7 } });
  });

  it('refuses an answer outside the contract as internal (our bug, not the caller’s input)', async () => {
    const handlers = withHandler('app.info', () => ({ version: 1, secretPath: '/home/shop/.config' }));
    const error = await dispatchCall(handlers, 'app.info', {}).then(() => null, (e: unknown) => e);
    expect((error as ApiError).toJSON()).toEqual({ kind: 'internal', key: 'errors.internal' });
  });

  it('never lets a handler see unvalidated input', async () => {
    let calls = 0;
    const handlers = withHandler('messages.get', () => {
      calls++;
      return null;
    });
    await expect(dispatchCall(handlers, 'messages.get', { id: -1 })).rejects.toMatchObject({ kind: 'validation' });
    expect(calls).toBe(0);
  });
});

describe('ApiError', () => {
  it('crosses a boundary as JSON and comes back the same', () => {
    const e = new ApiError('conflict', 'errors.conflict.notCancellable', { status: 'sent' });
    const back = ApiError.from(JSON.parse(JSON.stringify(e)) as never);
    expect(back).toBeInstanceOf(ApiError);
    expect(back.toJSON()).toEqual({ kind: 'conflict', key: 'errors.conflict.notCancellable', params: { status: 'sent' } });
  });

  it('turns any other exception into internal, without its text (it may hold a secret)', () => {
    const e = toApiError(new Error('password=hunter2'));
    expect(e.toJSON()).toEqual({ kind: 'internal', key: 'errors.internal' });
    expect(JSON.stringify(e.toJSON())).not.toContain('hunter2');
    expect(toApiError('a string').kind).toBe('internal');
    expect(toApiError(null).kind).toBe('internal');
  });

  it('turns a ZodError into validation with its issues', () => {
    const parsed = z.object({ a: z.number() }).safeParse({ a: 'x' });
    const e = toApiError(parsed.error);
    expect(e.kind).toBe('validation');
    expect(e.issues?.[0]?.path).toBe('a');
  });

  it('has the six documented kinds', () => {
    expect([...errorKinds].sort()).toEqual(['conflict', 'forbidden', 'internal', 'not_found', 'provider', 'validation']);
  });
});
