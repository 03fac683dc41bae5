// Contacts (issue 4): the shapes that cross the boundary — a contact card, its categories, the shop's
// custom fields, vehicles, saved filters, and file import/export. The contract (contract.ts) spreads
// `contactsContract` in; the core implements it in src-main/core/contacts.
import { z } from 'zod';
import { isoInstant } from './schemas';

// ── Small value formats ─────────────────────────────────────────────────────────────────────────

/** A calendar date, YYYY-MM-DD (checked to exist: 2025-02-29 is refused, 2024-02-29 is fine). */
export const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isRealDate, { message: 'not a calendar date' });
/** A year and month, YYYY-MM (應定檢年月, an inspection due month). */
export const yearMonthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** Month and day, MM-DD; 02-29 is allowed. */
export const monthDayText = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/).refine(isRealMonthDay, { message: 'not a day of the year' });
/** A birthday: YYYY-MM-DD, or --MM-DD when the year is not known (ISO 8601); 29 February allowed. */
export const birthdayText = z.string().regex(/^(\d{4}|--)-?\d{2}-\d{2}$/).refine((s) => (s.startsWith('--') ? isRealMonthDay(s.slice(2)) : isRealDate(s)), { message: 'not a birthday' });

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1800 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function isRealMonthDay(s: string): boolean {
  // 2000 is a leap year, so 02-29 counts as a day of the year.
  return isRealDate(`2000-${s}`);
}

const id = z.number().int().positive();

// ── Custom fields ───────────────────────────────────────────────────────────────────────────────

export const fieldTypes = ['text', 'number', 'date', 'yearMonth'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const presetNames = ['club', 'vehicle'] as const;
export type PresetName = (typeof presetNames)[number];

/**
 * A field key is a template placeholder ({key}): letters of any script, digits and underscores, not
 * starting with a digit. The vehicle keys below are reserved.
 */
export const fieldKeySchema = z.string().min(1).max(32).regex(/^[\p{L}_][\p{L}\p{N}_]*$/u);

/** Vehicle columns (the vehicle-inspection preset); their placeholders render once per vehicle. */
export const vehicleFieldKeys = ['plate', 'factoryDate', 'licenceDate', 'inspectionDue', 'insuranceExpiry'] as const;
export type VehicleFieldKey = (typeof vehicleFieldKeys)[number];
export const vehicleFieldTypes: Record<VehicleFieldKey, FieldType> = {
  plate: 'text', factoryDate: 'date', licenceDate: 'date', inspectionDue: 'yearMonth', insuranceExpiry: 'date',
};

export const fieldDefinitionSchema = z.object({
  key: fieldKeySchema,
  label: z.string().min(1).max(60),
  type: z.enum(fieldTypes),
  /** The preset that created it (switching the preset off hides, never deletes, values). */
  preset: z.enum(presetNames).nullable(),
  position: z.number().int(),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

export const presetStateSchema = z.object({ club: z.boolean(), vehicle: z.boolean() });

// ── Categories ──────────────────────────────────────────────────────────────────────────────────

/** A colour as #rrggbb. */
export const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const categorySchema = z.object({
  id,
  name: z.string().min(1).max(40),
  colour: colourSchema,
  /** Contacts in it (not deleted). */
  count: z.number().int().nonnegative(),
});
export type Category = z.infer<typeof categorySchema>;

// ── A contact ───────────────────────────────────────────────────────────────────────────────────

export const consentPurposes = ['notification', 'marketing'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const optOutSchema = z.object({
  flag: z.boolean(),
  at: isoInstant.nullable(),
  /** How the customer said so: "replied STOP", "phone call", "at the counter" … as typed. */
  how: z.string().max(200).nullable(),
});

export const consentSchema = z.object({
  purpose: z.enum(consentPurposes),
  at: isoInstant,
  how: z.string().max(200).nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

/** Custom field values by key. Numbers, dates (YYYY-MM-DD) and year-months (YYYY-MM) as canonical text. */
export const fieldValuesSchema = z.record(fieldKeySchema, z.string().max(1000));

export const vehicleSchema = z.object({
  id,
  plate: z.string().max(20),
  factoryDate: dateText.nullable(),
  licenceDate: dateText.nullable(),
  inspectionDue: yearMonthText.nullable(),
  insuranceExpiry: dateText.nullable(),
});
export type Vehicle = z.infer<typeof vehicleSchema>;

export const vehicleInputSchema = z.object({
  /** Present: keep this vehicle (updated); absent: a new one. Vehicles not listed are removed. */
  id: id.optional(),
  plate: z.string().trim().min(1).max(20),
  factoryDate: dateText.nullable().optional(),
  licenceDate: dateText.nullable().optional(),
  inspectionDue: yearMonthText.nullable().optional(),
  insuranceExpiry: dateText.nullable().optional(),
}).strict();
export type VehicleInput = z.infer<typeof vehicleInputSchema>;

export const contactSchema = z.object({
  id,
  name: z.string(),
  honorific: z.string(),
  /** E.164. */
  phone: z.string(),
  /** The number as it was typed or imported. */
  phoneRaw: z.string(),
  /** National format, for display. */
  phoneNational: z.string(),
  /** ISO 3166 region of the number (TW, JP, CN …). */
  region: z.string(),
  categoryIds: z.array(id),
  birthday: birthdayText.nullable(),
  notes: z.string(),
  optOut: optOutSchema,
  consents: z.array(consentSchema),
  fields: fieldValuesSchema,
  vehicles: z.array(vehicleSchema),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type ContactView = z.infer<typeof contactSchema>;

const contactEditable = {
  name: z.string().trim().min(1).max(100),
  honorific: z.string().trim().max(20).optional(),
  /** As typed; parsed with the region (default: the shop's region). */
  phone: z.string().trim().min(1).max(40),
  region: z.string().regex(/^[A-Z]{2}$/).optional(),
  categoryIds: z.array(id).max(200).optional(),
  birthday: birthdayText.nullable().optional(),
  notes: z.string().max(5000).optional(),
  /** Setting the flag records now as `at`. */
  optOut: z.object({ flag: z.boolean(), how: z.string().max(200).nullable().optional() }).strict().optional(),
  /** The full list; a purpose not listed has no consent. `at` defaults to now. */
  consents: z.array(z.object({ purpose: z.enum(consentPurposes), at: isoInstant.optional(), how: z.string().max(200).nullable().optional() }).strict()).max(2).optional(),
  /** Values by field key; an empty string clears a value. Checked against the field's type. */
  fields: z.record(z.string().max(32), z.string().max(1000)).optional(),
  /** The full list of vehicles (0..n). */
  vehicles: z.array(vehicleInputSchema).max(50).optional(),
};

export const contactCreateSchema = z.object(contactEditable).strict();
export type ContactCreateInput = z.infer<typeof contactCreateSchema>;

export const contactUpdateSchema = z.object({
  id,
  ...contactEditable,
  name: contactEditable.name.optional(),
  phone: contactEditable.phone.optional(),
}).strict();
export type ContactUpdateInput = z.infer<typeof contactUpdateSchema>;

// ── Filters ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Date fields a filter can look at: a custom field of type date or yearMonth (by its key), or a vehicle
 * column ("vehicle.inspectionDue"); a contact matches when any of its vehicles does.
 */
export const dateFieldRefSchema = z.union([
  z.enum(['vehicle.factoryDate', 'vehicle.licenceDate', 'vehicle.inspectionDue', 'vehicle.insuranceExpiry']),
  z.string().regex(/^field\.[\p{L}_][\p{L}\p{N}_]{0,31}$/u),
]);

export const dateConditionSchema = z.object({
  field: dateFieldRefSchema,
  range: z.discriminatedUnion('kind', [
    /** Absolute: bounds as YYYY-MM or YYYY-MM-DD, inclusive ("inspection due 2027-03": from = to = 2027-03). */
    z.object({ kind: z.literal('absolute'), from: z.union([dateText, yearMonthText]).optional(), to: z.union([dateText, yearMonthText]).optional() }).strict(),
    /**
     * Relative to today in the shop's time zone, in days, inclusive ("insurance expires within 30 days":
     * 0..30; "in the last week": -7..0). A year-month matches if any day of its month is in range.
     */
    z.object({ kind: z.literal('relative'), fromDays: z.number().int().min(-36500).max(36500), toDays: z.number().int().min(-36500).max(36500) }).strict(),
  ]),
}).strict();
export type DateCondition = z.infer<typeof dateConditionSchema>;

export const contactFilterSchema = z.object({
  /** Search text: name, honorific, any fragment of the number (last 4 digits …), notes, field values, plates. */
  search: z.string().max(200).optional(),
  /** In any of these categories. */
  categoryIds: z.array(id).max(200).optional(),
  /** In none of these categories. */
  excludeCategoryIds: z.array(id).max(200).optional(),
  /** Birthday between two days of the year, inclusive; wraps around New Year (12-20 .. 01-10). A month: 03-01 .. 03-31. */
  birthday: z.object({ from: monthDayText, to: monthDayText }).strict().optional(),
  /** Every condition must hold. */
  dates: z.array(dateConditionSchema).max(10).optional(),
  /** any (default), exclude (those who may receive marketing) or only. */
  optOut: z.enum(['any', 'exclude', 'only']).optional(),
}).strict();
export type ContactFilter = z.infer<typeof contactFilterSchema>;

/** Which contacts a bulk action is about: a list of ids, or "everything matching this filter" (minus some). */
export const contactTargetSchema = z.union([
  z.object({ ids: z.array(id).min(1).max(200_000) }).strict(),
  z.object({ filter: contactFilterSchema, exceptIds: z.array(id).max(200_000).optional() }).strict(),
]);
export type ContactTarget = z.infer<typeof contactTargetSchema>;

export const contactSortKeys = ['name', 'createdAt', 'updatedAt', 'birthday'] as const;
export const contactSortSchema = z.object({ by: z.enum(contactSortKeys), dir: z.enum(['asc', 'desc']) }).strict();

export const savedFilterSchema = z.object({
  id,
  name: z.string().min(1).max(60),
  filter: contactFilterSchema,
  updatedAt: isoInstant,
});
export type SavedFilter = z.infer<typeof savedFilterSchema>;

// ── Import and export ───────────────────────────────────────────────────────────────────────────

/** The names used by `--encoding` and shown to the operator. */
export const importEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'big5', 'shift_jis', 'gb18030'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

export const onDuplicateModes = ['skip', 'update', 'merge'] as const;
export type OnDuplicate = (typeof onDuplicateModes)[number];

/**
 * Where a column goes: a contact property, a custom field ("field.<key>"), a vehicle column
 * ("vehicle.plate" …), or nowhere (null in the mapping).
 */
export const importTargetSchema = z.union([
  z.enum(['name', 'honorific', 'phone', 'birthday', 'notes', 'categories', 'optOut', 'region']),
  z.enum(['vehicle.plate', 'vehicle.factoryDate', 'vehicle.licenceDate', 'vehicle.inspectionDue', 'vehicle.insuranceExpiry']),
  z.string().regex(/^field\.[\p{L}_][\p{L}\p{N}_]{0,31}$/u),
]);
export type ImportTarget = z.infer<typeof importTargetSchema>;
/** One entry per column, in column order. */
export const importMappingSchema = z.array(importTargetSchema.nullable()).max(500);
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importFileSchema = {
  /** The file's bytes, base64. About 60 MB at most. */
  fileBase64: z.string().min(1).max(80_000_000),
  fileName: z.string().min(1).max(260),
  encoding: z.enum(['auto', ...importEncodings]).default('auto'),
  /** Region for numbers written without a country code; default the shop's region. */
  region: z.string().regex(/^[A-Z]{2}$/).optional(),
};

export const importRejectCodes = ['invalid_number', 'not_mobile', 'empty', 'duplicate', 'invalid_value', 'malformed_row', 'exists'] as const;
export type ImportRejectCode = (typeof importRejectCodes)[number];

export const importRowErrorSchema = z.object({
  /** Row number as Excel shows it: the header is 1; a quoted cell spanning lines counts once. */
  line: z.number().int().positive(),
  code: z.enum(importRejectCodes),
  /** i18n key with the reason, and its params (the column, the value …). */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importResultSchema = z.object({
  importId: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  imported: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  encoding: z.enum(importEncodings).nullable(),
  errors: z.array(importRowErrorSchema),
  /** When status is failed: why (i18n key). */
  failure: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importPreviewSchema = z.object({
  format: z.enum(['csv', 'tsv', 'xlsx']),
  /** null for XLSX (no text encoding). */
  encoding: z.enum(importEncodings).nullable(),
  /** Every candidate that decodes the file without error, most likely first. */
  candidates: z.array(z.enum(importEncodings)),
  headers: z.array(z.string()),
  /** The first rows, decoded, for the operator to spot mojibake. */
  rows: z.array(z.array(z.string())),
  /** Data rows in the file (without the header). */
  rowCount: z.number().int().nonnegative(),
  suggestedMapping: importMappingSchema,
  /** The mapping used last time for this same set of headers, if any. */
  rememberedMapping: importMappingSchema.nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const contactsChangedOutput = z.object({ count: z.number().int().nonnegative() });

// ── Methods ─────────────────────────────────────────────────────────────────────────────────────

export const contactsContract = {
  'contacts.list': {
    input: z.object({
      filter: contactFilterSchema.optional(),
      sort: contactSortSchema.default({ by: 'name', dir: 'asc' }),
      limit: z.number().int().min(1).max(1000).default(200),
      /** Keyset paging: the `nextCursor` of the previous page. */
      cursor: z.string().max(500).optional(),
    }).strict(),
    output: z.object({ contacts: z.array(contactSchema), total: z.number().int().nonnegative(), nextCursor: z.string().nullable() }),
  },
  /** Only the ids of everything matching (select all, invert, bulk actions on large sets). */
  'contacts.ids': {
    input: z.object({ filter: contactFilterSchema.optional() }).strict(),
    output: z.object({ ids: z.array(id) }),
  },
  'contacts.get': {
    input: z.object({ id }).strict(),
    output: contactSchema,
  },
  'contacts.create': {
    input: contactCreateSchema,
    output: contactSchema,
  },
  'contacts.update': {
    input: contactUpdateSchema,
    output: contactSchema,
  },
  'contacts.delete': {
    input: z.object({ target: contactTargetSchema }).strict(),
    output: z.object({ count: z.number().int().nonnegative(), undoToken: z.string() }),
  },
  'contacts.undoDelete': {
    input: z.object({ undoToken: z.string().min(1).max(100) }).strict(),
    /** `conflicts`: contacts not restored because their number now belongs to another contact. */
    output: z.object({ count: z.number().int().nonnegative(), conflicts: z.number().int().nonnegative() }),
  },
  'contacts.bulkCategory': {
    input: z.object({ target: contactTargetSchema, categoryId: id, action: z.enum(['add', 'remove']) }).strict(),
    output: contactsChangedOutput,
  },
  'contacts.categories.list': {
    input: z.object({}).strict(),
    output: z.object({ categories: z.array(categorySchema) }),
  },
  'contacts.categories.create': {
    input: z.object({ name: z.string().trim().min(1).max(40), colour: colourSchema.optional() }).strict(),
    output: categorySchema,
  },
  'contacts.categories.update': {
    input: z.object({ id, name: z.string().trim().min(1).max(40).optional(), colour: colourSchema.optional() }).strict(),
    output: categorySchema,
  },
  'contacts.categories.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  'contacts.fields.list': {
    input: z.object({}).strict(),
    output: z.object({ fields: z.array(fieldDefinitionSchema), presets: presetStateSchema }),
  },
  'contacts.fields.create': {
    input: z.object({ key: fieldKeySchema, label: z.string().trim().min(1).max(60), type: z.enum(fieldTypes) }).strict(),
    output: fieldDefinitionSchema,
  },
  'contacts.fields.update': {
    input: z.object({ key: fieldKeySchema, label: z.string().trim().min(1).max(60).optional(), position: z.number().int().min(0).max(10_000).optional() }).strict(),
    output: fieldDefinitionSchema,
  },
  /** Removes the definition and its values. */
  'contacts.fields.delete': {
    input: z.object({ key: fieldKeySchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Switches a preset on (creating its fields, labelled in the shop's language) or off (hiding them). */
  'contacts.fields.presets': {
    input: z.object({ preset: z.enum(presetNames), enabled: z.boolean() }).strict(),
    output: z.object({ fields: z.array(fieldDefinitionSchema), presets: presetStateSchema }),
  },
  'contacts.savedFilters.list': {
    input: z.object({}).strict(),
    output: z.object({ filters: z.array(savedFilterSchema) }),
  },
  /** With an id: replaces that filter; without: a new one (a name already used is a conflict). */
  'contacts.savedFilters.save': {
    input: z.object({ id: id.optional(), name: z.string().trim().min(1).max(60), filter: contactFilterSchema }).strict(),
    output: savedFilterSchema,
  },
  'contacts.savedFilters.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  'contacts.import.preview': {
    input: z.object({ ...importFileSchema, previewRows: z.number().int().min(1).max(200).default(20) }).strict(),
    output: importPreviewSchema,
  },
  /** Starts the import; progress and the end come as events (contacts.import.progress / finished). */
  'contacts.import.run': {
    input: z.object({ ...importFileSchema, mapping: importMappingSchema, onDuplicate: z.enum(onDuplicateModes).default('skip') }).strict(),
    output: z.object({ importId: z.string() }),
  },
  'contacts.import.status': {
    input: z.object({ importId: z.string().min(1).max(100) }).strict(),
    output: importResultSchema,
  },
  /** Stops a running import; nothing of it stays. */
  'contacts.import.cancel': {
    input: z.object({ importId: z.string().min(1).max(100) }).strict(),
    output: importResultSchema,
  },
  /** The rejected rows of a finished import as CSV (UTF-8 with BOM): line, code, reason, then the row's cells. */
  'contacts.import.rejectedCsv': {
    input: z.object({ importId: z.string().min(1).max(100) }).strict(),
    output: z.object({ fileName: z.string(), fileBase64: z.string() }),
  },
  'contacts.export': {
    input: z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), filter: contactFilterSchema.optional() }).strict(),
    output: z.object({ fileName: z.string(), fileBase64: z.string(), count: z.number().int().nonnegative() }),
  },
} as const;
