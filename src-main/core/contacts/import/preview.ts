// The import preview: encoding found (and the other candidates), headers, the first rows decoded so
// the operator sees any mojibake, and the suggested and remembered column mappings.
import type { ImportPreview } from '../../../../src-shared/api/contacts-schemas';
import type { Fields } from '../fields';
import { suggestMapping, type createMappingMemory } from './mapping';
import { readFile, type FileInput } from './read';

export async function previewImport(
  input: FileInput & { previewRows: number },
  fields: Fields,
  memory: ReturnType<typeof createMappingMemory>,
): Promise<ImportPreview> {
  const { table, encoding, candidates } = await readFile(input);
  const vehicleOn = fields.presets().vehicle;
  const suggested = suggestMapping(table.headers, fields.definitions())
    // Vehicle columns only when the shop keeps vehicles.
    .map((t) => (t?.startsWith('vehicle.') && !vehicleOn ? null : t));
  const width = table.headers.length;
  return {
    format: table.format,
    encoding,
    candidates,
    headers: table.headers,
    rows: table.rows.slice(0, input.previewRows).map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? '')),
    rowCount: table.rows.length,
    suggestedMapping: suggested,
    rememberedMapping: memory.recall(table.headers),
  };
}
