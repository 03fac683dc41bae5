// The composer's state as the contract's draft, inserting at the caret, and "in 3 h 20 min".
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { SavedFilter } from '../../../src-shared/api/contacts-schemas';
import { buildDraft, emptyRecipients, groupFilter, hasRecipients, removeNumber, type ComposeState } from '../../../src-renderer/features/compose/draft';
import { untilParts } from '../../../src-renderer/features/compose/schedule';
import { insertAt, placeholderText } from '../../../src-renderer/features/templates/insert-text';

const birthdays: SavedFilter = { id: 7, name: '本月壽星', filter: { birthday: { from: '03-01', to: '03-31' } }, updatedAt: '2026-01-01T00:00:00.000Z' };

const base: ComposeState = {
  recipients: emptyRecipients, text: '{姓名}您好', templateId: null, purpose: 'notification', usePrefix: false, useSuffix: false,
  account: undefined, at: null, timeZone: 'Asia/Taipei', memo: '',
};

describe('compose draft', () => {
  it('sends typed numbers, picked contacts and groups together, and leaves empty parts out', () => {
    const draft = buildDraft({ ...base, recipients: { numbers: '0912 345 678', contacts: [{ id: 3, name: '王', phone: '0912' }], categoryIds: [2], savedFilterId: 7, conditions: {} }, memo: '  三月  ' }, [birthdays]);
    expect(draft.recipients).toEqual({ numbers: '0912 345 678', contactIds: [3], filter: { birthday: { from: '03-01', to: '03-31' }, categoryIds: [2] } });
    expect(draft.memo).toBe('三月');
    expect(draft).not.toHaveProperty('at');
    expect(draft).not.toHaveProperty('templateId');
    expect(buildDraft(base, []).recipients).toEqual({});
  });

  it('keeps a scheduled time, a template and an account', () => {
    const draft = buildDraft({ ...base, at: '2030-01-02T09:30:00', templateId: 4, account: 'main' }, []);
    expect(draft).toMatchObject({ at: '2030-01-02T09:30:00', templateId: 4, account: 'main', timeZone: 'Asia/Taipei' });
  });

  it('narrows a saved filter that already names categories to the chosen ones', () => {
    const vip: SavedFilter = { ...birthdays, filter: { categoryIds: [1, 2] } };
    expect(groupFilter({ ...emptyRecipients, categoryIds: [2, 5], savedFilterId: 7 }, [vip])).toEqual({ categoryIds: [2] });
    expect(groupFilter(emptyRecipients, [vip])).toBeUndefined();
    expect(hasRecipients(emptyRecipients)).toBe(false);
    expect(hasRecipients({ ...emptyRecipients, savedFilterId: 7 })).toBe(true);
  });

  it('adds the conditions built in the composer to a saved filter: all date conditions hold', () => {
    const due = { field: 'vehicle.inspectionDue' as const, range: { kind: 'absolute' as const, from: '2027-03', to: '2027-03' } };
    const saved: SavedFilter = { ...birthdays, filter: { categoryIds: [1], dates: [due] } };
    const week = { field: 'vehicle.insuranceExpiry' as const, range: { kind: 'relative' as const, fromDays: 0, toDays: 7 } };
    const filter = groupFilter({ ...emptyRecipients, savedFilterId: 7, conditions: { dates: [week], optOut: 'exclude', categoryIds: [1, 4] } }, [saved]);
    expect(filter).toEqual({ categoryIds: [1], dates: [due, week], optOut: 'exclude' });
    expect(hasRecipients({ ...emptyRecipients, conditions: { optOut: 'exclude' } })).toBe(true);
  });

  it('drops a number saved as a contact from the typed list, tidily', () => {
    expect(removeNumber('0912 345 678, 0922 333 444, 0933 111 222', '0922 333 444')).toBe('0912 345 678, 0933 111 222');
    expect(removeNumber('0912345678\n0922333444\n', '0912345678')).toBe('0922333444');
    expect(removeNumber('0912345678', '0999')).toBe('0912345678');
  });
});

describe('inserting at the caret', () => {
  it('replaces the selection and puts the caret after the insertion', () => {
    expect(insertAt('您好，', 2, 2, placeholderText('姓名'))).toEqual({ value: '您好{姓名}，', caret: 6 });
    expect(insertAt('abcdef', 1, 4, 'X')).toEqual({ value: 'aXef', caret: 2 });
    expect(insertAt('abc', 10, 12, 'X')).toEqual({ value: 'abcX', caret: 4 });
  });
});

describe('time until a scheduled send', () => {
  const now = dayjs('2026-03-01T10:00:00');
  it('reads 3 h 20 min, days when further away, and nothing for a past time', () => {
    expect(untilParts(dayjs('2026-03-01T13:20:00'), 'Asia/Taipei', now)).toEqual({ days: 0, hours: 3, minutes: 20 });
    expect(untilParts(dayjs('2026-03-03T11:05:00'), 'Asia/Taipei', now)).toEqual({ days: 2, hours: 1, minutes: 5 });
    expect(untilParts(dayjs('2026-03-01T09:59:00'), 'Asia/Taipei', now)).toBeNull();
    expect(untilParts(now, 'Asia/Taipei', now)).toBeNull();
  });
});
