// Which contacts are selected, independent of which rows happen to be loaded: either a set of ids,
// or "everything matching the filter except these ids". Select all and invert then cover 100k
// contacts without loading them, and a bulk action sends the filter, not 100k ids.
import type { ContactFilter, ContactTarget } from '../../../src-shared/api/contacts-schemas';

export type Selection =
  | { mode: 'ids'; ids: ReadonlySet<number> }
  | { mode: 'all'; except: ReadonlySet<number> };

export const emptySelection: Selection = { mode: 'ids', ids: new Set() };

export function selectAll(): Selection {
  return { mode: 'all', except: new Set() };
}

export function isSelected(sel: Selection, id: number): boolean {
  return sel.mode === 'ids' ? sel.ids.has(id) : !sel.except.has(id);
}

function toggled(set: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function toggle(sel: Selection, id: number): Selection {
  return sel.mode === 'ids' ? { mode: 'ids', ids: toggled(sel.ids, id) } : { mode: 'all', except: toggled(sel.except, id) };
}

/** Sets one id on or off (for shift-click ranges and the row checkbox). */
export function setSelected(sel: Selection, ids: readonly number[], on: boolean): Selection {
  const inIds = sel.mode === 'ids' ? on : !on;
  const next = new Set(sel.mode === 'ids' ? sel.ids : sel.except);
  for (const id of ids) {
    if (inIds) next.add(id);
    else next.delete(id);
  }
  return sel.mode === 'ids' ? { mode: 'ids', ids: next } : { mode: 'all', except: next };
}

/** Everything that was selected is not, and everything else (matching the filter) is. */
export function invert(sel: Selection): Selection {
  return sel.mode === 'ids' ? { mode: 'all', except: new Set(sel.ids) } : { mode: 'ids', ids: new Set(sel.except) };
}

/** How many are selected, given how many match the filter. */
export function selectedCount(sel: Selection, total: number): number {
  return sel.mode === 'ids' ? sel.ids.size : Math.max(0, total - sel.except.size);
}

/** The bulk-action target for the contract, or null when nothing is selected. */
export function toTarget(sel: Selection, filter: ContactFilter, total: number): ContactTarget | null {
  if (selectedCount(sel, total) === 0) return null;
  if (sel.mode === 'ids') return { ids: [...sel.ids] };
  return sel.except.size ? { filter, exceptIds: [...sel.except] } : { filter };
}
