// Selection over a filtered set that is larger than what is loaded: all / none / invert / toggle, and
// the bulk target sent to the core.
import { describe, expect, it } from 'vitest';
import { emptySelection, invert, isSelected, selectAll, selectedCount, setSelected, toggle, toTarget } from '../../../src-renderer/features/contacts/selection';

const filter = { search: '陳' };

describe('contact selection', () => {
  it('starts empty and has no bulk target', () => {
    expect(selectedCount(emptySelection, 100_000)).toBe(0);
    expect(toTarget(emptySelection, filter, 100_000)).toBeNull();
  });

  it('toggles single ids', () => {
    const s = toggle(toggle(emptySelection, 1), 2);
    expect([isSelected(s, 1), isSelected(s, 2), isSelected(s, 3)]).toEqual([true, true, false]);
    expect(toTarget(toggle(s, 1), filter, 10)).toEqual({ ids: [2] });
  });

  it('select all covers every match, not only the loaded rows, and sends the filter', () => {
    const s = selectAll();
    expect(selectedCount(s, 100_000)).toBe(100_000);
    expect(isSelected(s, 99_999)).toBe(true);
    expect(toTarget(s, filter, 100_000)).toEqual({ filter });
  });

  it('unticking rows after select all sends them as exceptions', () => {
    const s = toggle(toggle(selectAll(), 5), 6);
    expect(isSelected(s, 5)).toBe(false);
    expect(selectedCount(s, 1000)).toBe(998);
    expect(toTarget(s, filter, 1000)).toEqual({ filter, exceptIds: [5, 6] });
  });

  it('invert swaps the selected and the rest, and twice is the same selection', () => {
    const some = toggle(toggle(emptySelection, 1), 2);
    const inverted = invert(some);
    expect(selectedCount(inverted, 50)).toBe(48);
    expect(isSelected(inverted, 1)).toBe(false);
    expect(isSelected(inverted, 3)).toBe(true);
    expect(toTarget(inverted, filter, 50)).toEqual({ filter, exceptIds: [1, 2] });
    const back = invert(inverted);
    expect(toTarget(back, filter, 50)).toEqual({ ids: [1, 2] });
    expect(selectedCount(invert(emptySelection), 7)).toBe(7);
    expect(selectedCount(invert(selectAll()), 7)).toBe(0);
  });

  it('sets a range on in either mode', () => {
    expect(selectedCount(setSelected(emptySelection, [1, 2, 3], true), 10)).toBe(3);
    const all = setSelected(toggle(toggle(selectAll(), 2), 9), [1, 2, 3], true);
    expect(isSelected(all, 2)).toBe(true);
    expect(isSelected(all, 9)).toBe(false);
    expect(selectedCount(all, 10)).toBe(9);
  });

  it('everything unticked after select all means nothing to act on', () => {
    const s = toggle(toggle(selectAll(), 1), 2);
    expect(toTarget(s, filter, 2)).toBeNull();
  });
});
