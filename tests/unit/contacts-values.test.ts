// Values as shops write them → canonical text (issue 4): ROC dates, year-months, birthdays with and
// without a year (29 February allowed), numbers; the mapping defaults from header names.
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-main/core/contacts/import/mapping';
import { addDays } from '../../src-main/core/contacts/filters';
import { normaliseBirthday, normaliseDate, normaliseFieldValue, normaliseYearMonth } from '../../src-main/core/contacts/values';
import { searchCondition } from '../../src-main/core/contacts/search';
import { shortTerms } from '../../src-main/core/contacts/search-index';

describe('values', () => {
  it('reads dates in ISO, slashes, compact and ROC (民國) forms, and refuses days that do not exist', () => {
    expect(normaliseDate('2024/5/1')).toBe('2024-05-01');
    expect(normaliseDate('20240501')).toBe('2024-05-01');
    expect(normaliseDate('113/05/01')).toBe('2024-05-01');
    expect(normaliseDate('民國113年5月1日')).toBe('2024-05-01');
    expect(normaliseDate('2025-02-29')).toBeNull();
    expect(normaliseDate('2024-02-29')).toBe('2024-02-29');
    expect(normaliseDate('soon')).toBeNull();
  });

  it('reads year-months, also from a full date', () => {
    expect(normaliseYearMonth('2027-3')).toBe('2027-03');
    expect(normaliseYearMonth('116/03')).toBe('2027-03');
    expect(normaliseYearMonth('202703')).toBe('2027-03');
    expect(normaliseYearMonth('2027-03-15')).toBe('2027-03');
    expect(normaliseYearMonth('2027-13')).toBeNull();
  });

  it('keeps a birthday without a year, 29 February included', () => {
    expect(normaliseBirthday('2/29')).toBe('--02-29');
    expect(normaliseBirthday('02-30')).toBeNull();
    expect(normaliseBirthday('2000-02-29')).toBe('2000-02-29');
    expect(normaliseBirthday('1999-02-29')).toBeNull();
  });

  it('checks field values by type; empty clears', () => {
    expect(normaliseFieldValue('number', '1,200')).toBe('1200');
    expect(normaliseFieldValue('number', 'lots')).toBeNull();
    expect(normaliseFieldValue('text', '  VIP ')).toBe('VIP');
    expect(normaliseFieldValue('date', '')).toBe('');
  });

  it('counts days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('search words', () => {
  it('indexes every 1- and 2-character piece of a name', () => {
    expect(shortTerms('王小明', '先生').sort()).toEqual(['先', '先生', '小', '小明', '明', '王', '王小', '生'].sort());
  });

  it('sends 3+ characters to FTS and 1–2 to the short terms; a typed number is searched by its digits', () => {
    expect(searchCondition('5678')!.params).toEqual(['"5678"']);
    expect(searchCondition('0912-345')!.params).toEqual(['"0912345"']);
    expect(searchCondition('王小')!.sql).toContain('contacts_short_fts');
    expect(searchCondition('王 abc-1')!.params).toEqual(['"abc-1"', '"王"']);
    expect(searchCondition('- 王小明')!.params).toEqual(['"王小明"']);
    expect(searchCondition('  ')).toBeNull();
  });
});

describe('mapping defaults', () => {
  it('recognises headers in zh-TW, zh-CN, ja and en, each target once, custom fields by label', () => {
    expect(suggestMapping(['姓名', '手機', '生日', '備註', '車牌', '點數', '手機'], [{ key: 'points', label: '點數' }]))
      .toEqual(['name', 'phone', 'birthday', 'notes', 'vehicle.plate', 'field.points', null]);
    expect(suggestMapping(['氏名', '携帯番号', '誕生日'], [])).toEqual(['name', 'phone', 'birthday']);
    expect(suggestMapping(['姓名', '手机', '备注'], [])).toEqual(['name', 'phone', 'notes']);
    expect(suggestMapping(['Name', 'Mobile Phone', 'E-mail'], [])).toEqual(['name', 'phone', null]);
  });
});
