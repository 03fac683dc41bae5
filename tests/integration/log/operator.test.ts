// issue #9: each message records who sent it — the operator the process runs as (the OS user by
// default) — for the log's "who sent it from where" and its operator filter.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../helpers/core';

describe('operator', () => {
  it('is recorded at enqueue and filters the log', async () => {
    const { core } = await openCore({ dispatch: false, operator: 'amy' });
    const sent = await core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'composer' });
    const id = sent.messages[0]!.id;
    expect((await core.api['messages.get']({ id })).operator).toBe('amy');
    expect((await core.api['messages.list']({ operator: 'amy', limit: 10 })).messages.map((m) => m.id)).toEqual([id]);
    expect((await core.api['messages.list']({ operator: 'bob', limit: 10 })).messages).toEqual([]);
  });

  it('is recorded for sends through the composer (compose.send) and test sends too', async () => {
    const { core } = await openCore({ dispatch: false, operator: 'amy' });
    // Through the contract (its defaults applied), as the screens call it.
    const sent = (await core.call('compose.send', { draft: { recipients: { numbers: '0912345678' }, text: '【測試店】您好' }, acknowledged: ['no_sender_tag', 'quiet_hours'] })) as { messages: { id: number }[] };
    expect(sent.messages).toHaveLength(1);
    expect((await core.api['messages.get']({ id: sent.messages[0]!.id })).operator).toBe('amy');
    const test = (await core.call('compose.sendTest', { draft: { recipients: {}, text: '測試' }, to: '0912345670' })) as { id: number };
    expect((await core.api['messages.get']({ id: test.id })).operator).toBe('amy');
  });

  it('defaults to the OS user', async () => {
    const { core } = await openCore({ dispatch: false });
    const sent = await core.api['messages.send']({ to: '0912345678', text: 'hi', origin: 'cli' });
    expect((await core.api['messages.get']({ id: sent.messages[0]!.id })).operator).toBe(os.userInfo().username);
  });
});
