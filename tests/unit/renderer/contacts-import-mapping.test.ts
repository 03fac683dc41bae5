// The import wizard's column mapping: start from the remembered mapping when it fits, one target per
// column, and no import without a phone column.
import { describe, expect, it } from 'vitest';
import { assignTarget, checkMapping, initialMapping, targetChoices } from '../../../src-renderer/features/contacts/import-mapping';

describe('import column mapping', () => {
  const headers = ['姓名', '手機', '生日', '車牌'];

  it('prefers the mapping remembered for these headers', () => {
    expect(initialMapping({ headers, suggestedMapping: ['name', 'phone', 'birthday', null], rememberedMapping: ['name', 'phone', null, 'vehicle.plate'] }))
      .toEqual(['name', 'phone', null, 'vehicle.plate']);
  });

  it('uses the suggestion when nothing is remembered or the remembered one has another width', () => {
    const suggested = ['name', 'phone', 'birthday', null] as const;
    expect(initialMapping({ headers, suggestedMapping: [...suggested], rememberedMapping: null })).toEqual([...suggested]);
    expect(initialMapping({ headers, suggestedMapping: [...suggested], rememberedMapping: ['name', 'phone'] })).toEqual([...suggested]);
    expect(initialMapping({ headers, suggestedMapping: ['name'], rememberedMapping: null })).toEqual(['name', null, null, null]);
  });

  it('moves a target to the new column instead of doubling it', () => {
    const m = assignTarget(['name', 'phone', null, null], 2, 'phone');
    expect(m).toEqual(['name', null, 'phone', null]);
    expect(assignTarget(m, 0, null)).toEqual([null, null, 'phone', null]);
  });

  it('needs a phone column', () => {
    expect(checkMapping(['name', null]).hasPhone).toBe(false);
    expect(checkMapping(['name', 'phone'])).toEqual({ hasPhone: true, mappedCount: 2 });
  });

  it('offers custom fields, and vehicle columns only with the preset', () => {
    const fields = [{ key: 'points', label: '點數', type: 'number' as const, preset: 'club' as const, position: 0 }];
    expect(targetChoices(fields, false)).toContain('field.points');
    expect(targetChoices(fields, false)).not.toContain('vehicle.plate');
    expect(targetChoices(fields, true)).toContain('vehicle.inspectionDue');
  });
});
