// All message areas. Each area file holds every language side by side; a unit test checks that
// no language lacks a key or a placeholder of another.
import type { Catalog } from '../catalog';
import errors from './errors';
import common from './common';

export const catalogs: Record<string, Catalog> = {
  errors,
  common,
};
