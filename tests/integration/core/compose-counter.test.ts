// The composer's counter with placeholders (issue 5): the check's totals carry the range of characters
// and parts over every recipient the send would reach, so "{姓名}" is never counted as four characters.
import { describe, expect, it } from 'vitest';
import type { ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { countFromReport } from '../../../src-renderer/features/compose/personal-count';
import { openCore } from '../../helpers/core';

describe('the check\'s range of characters per recipient', () => {
  it('is the shortest and longest rendered text over the recipients that would be sent to', async () => {
    const { core } = await openCore({ dispatch: false });
    await core.call('settings.set', { key: 'shop.name', value: '測試店' });
    const a = (await core.call('contacts.create', { name: '王一', phone: '0912345601' })) as { id: number };
    const b = (await core.call('contacts.create', { name: '歐陽美玲美玲', phone: '0912345602' })) as { id: number };
    // Opted out: left out of the send, so not part of the range.
    const c = (await core.call('contacts.create', { name: '一個名字非常非常非常非常非常非常長的客戶', phone: '0912345603', optOut: { flag: true } })) as { id: number };
    const text = '【測試店】{姓名}您好';
    const report = (await core.call('compose.check', { draft: { recipients: { contactIds: [a.id, b.id, c.id] }, text } })) as ComposeCheckReport;
    expect(report.sendable).toBe(2);
    expect(report.totals).toMatchObject({ minUnits: 9, maxUnits: 13, unitsPerSegment: 70, minSegments: 1, maxSegments: 1, segments: 2 });
    expect(countFromReport(report)).toMatchObject({ units: '9–13', capacity: 70, segments: '1', multi: false, encoding: 'UCS-2', basis: { kind: 'recipients', n: 2 } });

    // A long name pushes one text into two parts: the range says 1–2 and the capacity follows the longest.
    const long = (await core.call('contacts.create', { name: '長'.repeat(70), phone: '0912345604' })) as { id: number };
    const wide = (await core.call('compose.check', { draft: { recipients: { contactIds: [a.id, long.id] }, text } })) as ComposeCheckReport;
    expect(countFromReport(wide)).toMatchObject({ units: '9–77', capacity: 134, segments: '1–2', multi: true });
  });
});

describe('the live preview of a filter', () => {
  it('gives the first recipients and the count of all without reading every contact, as the check counts them', async () => {
    const { core } = await openCore({ dispatch: false });
    const category = (await core.call('contacts.categories.create', { name: '預覽' })) as { id: number };
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(((await core.call('contacts.create', { name: `客${i}`, phone: `091234560${i}`, categoryIds: [category.id] })) as { id: number }).id);
    const draft = { recipients: { filter: { categoryIds: [category.id] }, exceptContactIds: [ids[1]!] }, text: '【店】{姓名}您好' };
    const preview = (await core.call('compose.preview', { draft, limit: 3 })) as { samples: { name: string | null; text: string }[]; recipients: number };
    expect(preview.recipients).toBe(7);
    expect(preview.samples.map((s) => s.text)).toEqual(['【店】客0您好', '【店】客2您好', '【店】客3您好']);
    const report = (await core.call('compose.check', { draft })) as ComposeCheckReport;
    expect(report.recipients).toBe(preview.recipients);
    expect(report.samples.slice(0, 3).map((s) => s.text)).toEqual(preview.samples.map((s) => s.text));
    // Mixed with a typed number: resolved whole, the same way.
    const mixed = (await core.call('compose.preview', { draft: { ...draft, recipients: { ...draft.recipients, numbers: '0922333444' } }, limit: 2 })) as { samples: { text: string }[]; recipients: number };
    expect(mixed.recipients).toBe(8);
    expect(mixed.samples.map((s) => s.text)).toEqual(['【店】您好', '【店】客0您好']);
  });
});
