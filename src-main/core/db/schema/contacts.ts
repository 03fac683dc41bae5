import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Contacts (issue 4). A number belongs to one live contact (E.164, unique while not deleted). Deleting
 * only marks rows with a batch token, so "undo" can bring them back; old batches are purged later.
 * Search (FTS5 trigram + short terms) lives in the custom migration `contacts_search` and is kept in
 * sync by the repository (src-main/core/contacts/search-index.ts).
 */
export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    honorific: text('honorific').notNull().default(''),
    phoneE164: text('phone_e164').notNull(),
    phoneRaw: text('phone_raw').notNull(),
    region: text('region').notNull(),
    /** YYYY-MM-DD, or --MM-DD without a year. */
    birthday: text('birthday'),
    /** MM-DD of the birthday, for month/day-range filters. */
    birthdayMd: text('birthday_md'),
    notes: text('notes').notNull().default(''),
    optOut: integer('opt_out', { mode: 'boolean' }).notNull().default(false),
    optOutAt: integer('opt_out_at'),
    optOutHow: text('opt_out_how'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Set when deleted (the undo token); null for live contacts. */
    deletedBatch: text('deleted_batch'),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    uniqueIndex('contacts_phone_live_unique').on(t.phoneE164).where(sql`deleted_batch is null`),
    index('contacts_name_idx').on(t.name, t.id),
    index('contacts_updated_idx').on(t.updatedAt, t.id),
    index('contacts_birthday_md_idx').on(t.birthdayMd, t.id),
    // Only deleted rows (few) are in it: undo and purge find them without slowing every insert.
    index('contacts_deleted_idx').on(t.deletedBatch).where(sql`deleted_batch is not null`),
  ],
);

export const contactConsents = sqliteTable(
  'contact_consents',
  {
    contactId: integer('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    at: integer('at').notNull(),
    how: text('how'),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.purpose] })],
);

/** The shop's categories (many-to-many with contacts), each with a colour. */
export const contactCategories = sqliteTable(
  'contact_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    colour: text('colour').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('contact_categories_name_unique').on(t.name)],
);

export const contactCategoryLinks = sqliteTable(
  'contact_category_links',
  {
    contactId: integer('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id').notNull().references(() => contactCategories.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.categoryId] }), index('contact_category_links_category_idx').on(t.categoryId, t.contactId)],
);

/** Custom fields defined by the shop; `key` is a template placeholder. Preset fields are hidden, not deleted, when the preset is off. */
export const contactFields = sqliteTable('contact_fields', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  type: text('type').notNull(),
  preset: text('preset'),
  position: integer('position').notNull(),
  hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

export const contactFieldValues = sqliteTable(
  'contact_field_values',
  {
    contactId: integer('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    key: text('key').notNull().references(() => contactFields.key, { onDelete: 'cascade', onUpdate: 'cascade' }),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.key] }), index('contact_field_values_key_value_idx').on(t.key, t.value)],
);

/** Vehicles of a contact (the vehicle-inspection preset): 0..n, each with its own dates. */
export const contactVehicles = sqliteTable(
  'contact_vehicles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    plate: text('plate').notNull(),
    /** Upper case without separators: "abc-1234" and "ABC 1234" are one plate. */
    plateKey: text('plate_key').notNull(),
    factoryDate: text('factory_date'),
    licenceDate: text('licence_date'),
    /** YYYY-MM. */
    inspectionDue: text('inspection_due'),
    insuranceExpiry: text('insurance_expiry'),
    position: integer('position').notNull().default(0),
  },
  // Inspection and insurance dates drive reminders and filters and are indexed; factory and licence
  // dates are rarely asked for, and every index slows a 100k-row import.
  (t) => [
    index('contact_vehicles_contact_idx').on(t.contactId),
    index('contact_vehicles_plate_idx').on(t.plateKey),
    index('contact_vehicles_inspection_idx').on(t.inspectionDue),
    index('contact_vehicles_insurance_idx').on(t.insuranceExpiry),
  ],
);

/** Which presets (club, vehicle) the shop switched on. */
export const contactPresets = sqliteTable('contact_presets', {
  name: text('name').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
});

export const contactSavedFilters = sqliteTable(
  'contact_saved_filters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    filterJson: text('filter_json').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('contact_saved_filters_name_unique').on(t.name)],
);

/** The column mapping last used for a set of headers (key: the normalised headers, joined). */
export const contactImportMappings = sqliteTable('contact_import_mappings', {
  headerKey: text('header_key').primaryKey(),
  mappingJson: text('mapping_json').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
