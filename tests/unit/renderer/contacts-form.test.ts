// The contact form's typed values (dates, birthdays with 29 February, year-months, numbers), its live
// phone check, the filter helpers and calendar formatting for the locale.
import { describe, expect, it } from 'vitest';
import type { ContactView } from '../../../src-shared/api/contacts-schemas';
import { formatCalendar } from '../../../src-renderer/features/contacts/dates';
import {
  birthdayMonthRange, canonicalFilter, conditionCount, describeCondition, dueInMonth, monthOfBirthdayRange, withinDays,
} from '../../../src-renderer/features/contacts/filter-model';
import {
  emptyFormValues, formValuesOf, normalizeBirthday, normalizeDate, normalizeNumber, normalizeYearMonth, toContactInput,
} from '../../../src-renderer/features/contacts/form-values';
import { checkPhone } from '../../../src-renderer/features/contacts/phone-check';

describe('typed dates', () => {
  it.each([
    ['2027-03-31', '2027-03-31'], ['2027/3/1', '2027-03-01'], ['20270301', '2027-03-01'], ['2027年3月1日', '2027-03-01'],
    ['２０２７－０３－０１', '2027-03-01'], ['', ''], ['2027-02-30', null], ['2027-13-01', null], ['270301', null], ['hello', null],
  ])('date %s → %s', (text, expected) => expect(normalizeDate(text)).toBe(expected));

  it.each([
    ['1984-02-29', '1984-02-29'], ['02-29', '--02-29'], ['2/29', '--02-29'], ['2月29日', '--02-29'], ['1985-02-29', null], ['02-30', null], ['', ''],
  ])('birthday %s → %s', (text, expected) => expect(normalizeBirthday(text)).toBe(expected));

  it.each([['2027-03', '2027-03'], ['2027/3', '2027-03'], ['202703', '2027-03'], ['2027-13', null], ['27-03', null]])('year-month %s → %s', (text, expected) =>
    expect(normalizeYearMonth(text)).toBe(expected));

  it('numbers accept thousands separators and refuse words', () => {
    expect(normalizeNumber('1,200')).toBe('1200');
    expect(normalizeNumber('-3.5')).toBe('-3.5');
    expect(normalizeNumber('12a')).toBeNull();
  });
});

describe('the live phone check', () => {
  it('accepts a Taiwanese mobile and shows it in national form', () => {
    expect(checkPhone('0912345678', 'TW')).toMatchObject({ ok: true, e164: '+886912345678', national: '0912 345 678' });
  });
  it('says why a number cannot receive SMS', () => {
    expect(checkPhone('02 2345 6789', 'TW')).toEqual({ ok: false, key: 'contacts.errors.phoneLandline' });
    expect(checkPhone('050-1234-5678', 'JP')).toEqual({ ok: false, key: 'contacts.errors.phoneVoip' });
    expect(checkPhone('090-0123-4567', 'JP')).toEqual({ ok: false, key: 'contacts.errors.phoneInvalid' });
    expect(checkPhone('12', 'TW')).toEqual({ ok: false, key: 'contacts.errors.phoneInvalid' });
  });
  it('says nothing about an empty box', () => {
    expect(checkPhone('  ', 'TW')).toEqual({ ok: null });
  });
});

describe('form values to the contract', () => {
  const fields = [
    { key: 'points', label: '點數', type: 'number' as const, preset: 'club' as const, position: 0 },
    { key: 'due', label: '到期', type: 'yearMonth' as const, preset: null, position: 1 },
  ];

  it('makes values canonical and leaves vehicles alone without the preset', () => {
    const input = toContactInput(
      { ...emptyFormValues(), name: ' 陳怡君 ', phone: '0912 345 678', birthday: '2/29', fields: { points: '1,000', due: '2027/3' }, vehicles: [{ plate: 'ABC-1234', factoryDate: '', licenceDate: '', inspectionDue: '2027/3', insuranceExpiry: '' }] },
      { fields, vehiclePreset: false },
    );
    expect(input).toMatchObject({ name: '陳怡君', birthday: '--02-29', fields: { points: '1000', due: '2027-03' }, optOut: { flag: false, how: null }, consents: [] });
    expect(input).not.toHaveProperty('vehicles');
    const withVehicles = toContactInput({ ...emptyFormValues(), name: 'a', phone: '0912345678', vehicles: [{ plate: ' ABC-1234 ', factoryDate: '', licenceDate: '', inspectionDue: '2027/3', insuranceExpiry: '' }, { plate: ' ', factoryDate: '', licenceDate: '', inspectionDue: '', insuranceExpiry: '' }] }, { fields, vehiclePreset: true });
    expect(withVehicles.vehicles).toEqual([{ plate: 'ABC-1234', factoryDate: null, licenceDate: null, inspectionDue: '2027-03', insuranceExpiry: null }]);
  });

  it('keeps an existing consent date and clears a removed field value', () => {
    const existing: ContactView = {
      id: 7, name: '陳', honorific: '', phone: '+886912345678', phoneRaw: '0912345678', phoneNational: '0912 345 678', region: 'TW', categoryIds: [3],
      birthday: '--02-29', notes: '', optOut: { flag: false, at: null, how: null },
      consents: [{ purpose: 'marketing', at: '2024-01-02T03:04:05.000Z', how: '臨櫃' }], fields: { points: '5' }, vehicles: [],
      createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
    };
    const values = formValuesOf(existing);
    expect(values.birthday).toBe('02-29');
    const input = toContactInput({ ...values, consents: ['marketing', 'notification'], fields: { points: '' } }, { fields, vehiclePreset: false, existing });
    expect(input.consents).toEqual([{ purpose: 'marketing', at: '2024-01-02T03:04:05.000Z', how: '臨櫃' }, { purpose: 'notification' }]);
    expect(input.fields).toEqual({ points: '' });
    expect(input.birthday).toBe('--02-29');
  });
});

describe('filter helpers', () => {
  it('a birthday month includes 29 February and is recognised back', () => {
    expect(birthdayMonthRange(2)).toEqual({ from: '02-01', to: '02-29' });
    expect(monthOfBirthdayRange({ from: '02-01', to: '02-29' })).toBe(2);
    expect(monthOfBirthdayRange({ from: '12-20', to: '01-10' })).toBeNull();
  });

  it('describes "due in a month" and "within N days"', () => {
    expect(describeCondition(dueInMonth('vehicle.inspectionDue', '2027-03'))).toEqual({ key: 'month', field: 'vehicle.inspectionDue', month: '2027-03' });
    expect(withinDays('vehicle.insuranceExpiry', 30).range).toEqual({ kind: 'relative', fromDays: 0, toDays: 30 });
    expect(describeCondition(withinDays('vehicle.insuranceExpiry', -7))).toEqual({ key: 'past', field: 'vehicle.insuranceExpiry', days: 7 });
  });

  it('the canonical filter drops empty parts', () => {
    expect(canonicalFilter({ search: '  ', categoryIds: [], optOut: 'any', dates: [{ field: 'vehicle.plate' as never, range: { kind: 'absolute' } }] })).toEqual({});
    const f = canonicalFilter({ search: ' 陳 ', categoryIds: [3, 1], optOut: 'exclude', dates: [dueInMonth('vehicle.inspectionDue', '2027-03')] });
    expect(f).toEqual({ search: '陳', categoryIds: [1, 3], optOut: 'exclude', dates: [dueInMonth('vehicle.inspectionDue', '2027-03')] });
    expect(conditionCount(f)).toBe(3);
  });
});

describe('calendar values for the locale', () => {
  it('formats days without moving them across a time zone', () => {
    expect(formatCalendar('2024-02-29', 'zh-TW')).toBe('2024/02/29');
    expect(formatCalendar('--02-29', 'en-US')).toBe('February 29');
    expect(formatCalendar('2027-03', 'ja-JP')).toBe('2027年3月');
    expect(formatCalendar(null, 'en-US')).toBe('');
  });
});
