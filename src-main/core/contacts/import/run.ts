// Running an import: read the file, check every row (in slices, yielding to the event loop so progress
// shows and cancelling works), then write all valid rows in ONE transaction. Cancelling before the
// write leaves nothing; the write itself is synchronous, so no other work can interleave with it or
// see it half done. Duplicates by E.164, within the file and against existing contacts: skip, update
// or merge. A row with a known number and a new plate adds a vehicle to that contact.
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { ImportMapping, ImportResult, ImportTarget, OnDuplicate } from '../../../../src-shared/api/contacts-schemas';
import { ApiError, toApiError } from '../../../../src-shared/api/errors';
import type { Db } from '../../db/client';
import type { EventBus } from '../../events/bus';
import type { Categories } from '../categories';
import type { Fields } from '../fields';
import type { ContactRepository, ContactRow, ContactValues } from '../repository';
import type { Entries, IndexedContact, SearchIndex } from '../search-index';
import { plateKey } from '../text';
import { birthdayMonthDay } from '../values';
import type { createMappingMemory } from './mapping';
import { readFile, type FileInput } from './read';
import { isRejection, rowToCandidate, type Candidate, type RowRejection } from './rows';

export interface ImportDeps {
  db: Db;
  repo: ContactRepository;
  index: SearchIndex;
  categories: Categories;
  fields: Fields;
  memory: ReturnType<typeof createMappingMemory>;
  bus: EventBus;
  now: () => number;
  /** Translates a reason key (the rejected-rows CSV is in the shop's language). */
  t: (key: string, params?: Record<string, unknown>) => string;
}

export interface ImportRequest extends FileInput {
  mapping: ImportMapping;
  onDuplicate: OnDuplicate;
}

interface Job {
  result: ImportResult;
  cancelled: boolean;
  headers: string[];
  rejectedCells: Map<number, string[]>;
  done: Promise<void>;
}

const SLICE = 5000;
const KEEP_JOBS = 20;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function checkMapping(mapping: ImportMapping, headers: readonly string[]): ImportMapping {
  if (mapping.length > headers.length) throw new ApiError('validation', 'contacts.errors.mappingLength', { got: mapping.length, expected: headers.length });
  const full = [...mapping, ...Array<ImportTarget | null>(headers.length - mapping.length).fill(null)];
  const seen = new Set<string>();
  for (const t of full) {
    if (!t) continue;
    if (seen.has(t)) throw new ApiError('validation', 'contacts.errors.duplicateTarget', { target: t });
    seen.add(t);
  }
  if (!seen.has('phone')) throw new ApiError('validation', 'contacts.errors.noPhoneColumn');
  return full;
}

export function createImports(d: ImportDeps) {
  const jobs = new Map<string, Job>();
  let closed = false;

  const finish = (id: string, job: Job) => {
    d.bus.emit({ type: 'contacts.import.finished', importId: id, result: job.result });
    // Keep the last few results for status and the rejected-rows file.
    const ids = [...jobs.keys()];
    for (const old of ids.slice(0, Math.max(0, ids.length - KEEP_JOBS))) if (jobs.get(old)?.result.status !== 'running') jobs.delete(old);
  };

  /** Checks every row; null when cancelled. */
  async function check(id: string, job: Job, req: ImportRequest, rows: Awaited<ReturnType<typeof readFile>>['table']['rows'], mapping: ImportMapping) {
    const ctx = { mapping, headers: job.headers, region: req.region, fieldType: (k: string) => d.fields.typeOf(k) };
    const byNumber = new Map<string, Candidate>();
    const candidates: Candidate[] = [];
    const rejected: RowRejection[] = [];
    for (let start = 0; start < rows.length; start += SLICE) {
      for (const row of rows.slice(start, start + SLICE)) {
        const c = rowToCandidate(row, ctx);
        if (isRejection(c)) {
          rejected.push(c);
          job.rejectedCells.set(row.line, row.cells);
          continue;
        }
        const first = byNumber.get(c.e164);
        if (!first) {
          byNumber.set(c.e164, c);
          candidates.push(c);
          continue;
        }
        // Same number again: a new plate is another vehicle of the same customer; anything else a duplicate.
        const plate = c.vehicles[0];
        if (plate && !first.vehicles.some((v) => plateKey(v.plate) === plateKey(plate.plate))) {
          first.vehicles.push(plate);
          continue;
        }
        rejected.push({ line: c.line, code: 'duplicate', key: 'contacts.import.reason.duplicate', params: { first: first.line } });
        job.rejectedCells.set(row.line, row.cells);
      }
      d.bus.emit({ type: 'contacts.import.progress', importId: id, done: Math.min(rows.length, start + SLICE), total: rows.length });
      await tick();
      if (job.cancelled || closed) return null;
    }
    return { candidates, rejected };
  }

  function write(candidates: Candidate[], onDuplicate: OnDuplicate) {
    const now = d.now();
    let imported = 0;
    let updated = 0;
    let skipped = 0;
    // A large file touches a dozen indexes at random places: with SQLite's default 2 MB page cache the
    // write spends most of its time re-reading pages. A bigger cache for the duration of the write only.
    const cacheBefore = d.db.pragma('cache_size', { simple: true }) as number;
    d.db.pragma(`cache_size = ${-Math.min(262_144, Math.max(16_384, candidates.length))}`);
    try {
      writeAll();
    } finally {
      d.db.pragma(`cache_size = ${cacheBefore}`);
    }
    return { imported, updated, skipped };

    function writeAll() {
    d.db.transaction(() => {
      const categoryIds = new Map<string, number>();
      const categoryId = (name: string) => {
        let cid = categoryIds.get(name);
        if (cid === undefined) categoryIds.set(name, (cid = d.categories.ensure(name)));
        return cid;
      };
      // Search entries are written after all rows: interleaving the FTS index with the contact tables
      // makes SQLite jump between b-trees and costs about half again as much.
      // The new contacts' search entries are made from their candidates only when written: 100k
      // entry objects kept until then were garbage the collector had to copy around.
      const fresh: Candidate[] = [];
      const freshIds: number[] = [];
      const touched: number[] = [];
      // Update rewrites contacts that often stay as they were (the same file again): their index
      // entries before the change, so that only those that really changed are rewritten.
      const entriesBefore = new Map<number, Entries>();
      const known = d.repo.idsByPhone();
      for (const c of candidates) {
        const knownId = known.get(c.e164);
        if (knownId === undefined) {
          const id = d.repo.insert(valuesOf(c, now), now);
          d.repo.addCategories(id, c.categories.map(categoryId));
          d.repo.setFields(id, c.fields);
          if (c.vehicles.length) d.repo.addVehicles(id, c.vehicles);
          fresh.push(c);
          freshIds.push(id);
          imported++;
          continue;
        }
        const id = knownId;
        let changed = false;
        if (onDuplicate === 'update') {
          const before = d.index.current(id);
          if (before) entriesBefore.set(id, before);
          // The whole row only where it is overwritten or compared (skip needs just the id).
          d.repo.update(id, overwrite(d.repo.get(id)!, c, now), now);
          d.repo.setFields(id, c.fields);
          changed = true;
        } else if (onDuplicate === 'merge') {
          const merged = fillEmpty(d.repo.get(id)!, c);
          if (merged) {
            d.repo.update(id, merged, now);
            changed = true;
          }
          const have = d.repo.fieldsOf(id);
          const missing = Object.fromEntries(Object.entries(c.fields).filter(([k]) => !have[k]));
          if (Object.keys(missing).length) {
            d.repo.setFields(id, missing);
            changed = true;
          }
        }
        if (onDuplicate !== 'skip' && c.categories.length) {
          const before = d.repo.categoriesOf(id).length;
          d.repo.addCategories(id, c.categories.map(categoryId));
          if (d.repo.categoriesOf(id).length !== before) changed = true;
        }
        // A known number with a new plate adds that vehicle, whatever the duplicate mode.
        for (const v of c.vehicles) if (d.repo.upsertVehicle(id, v, onDuplicate !== 'update')) changed = true;
        if (onDuplicate === 'update' && c.vehicles.length) changed = true;
        if (changed) {
          touched.push(id);
          updated++;
        } else {
          skipped++;
        }
      }
      d.index.bulk(() => {
        fresh.forEach((c, i) => d.index.put(indexed(freshIds[i]!, c), true));
        for (const id of touched) d.index.refresh(id, entriesBefore.get(id));
      });
    }).immediate();
    }
  }

  async function runJob(id: string, job: Job, req: ImportRequest): Promise<void> {
    try {
      await tick();
      const file = await readFile(req);
      job.headers = file.table.headers;
      job.result.encoding = file.encoding;
      const mapping = checkMapping(req.mapping, file.table.headers);
      d.memory.remember(file.table.headers, mapping);
      for (const m of file.table.malformed) {
        job.result.errors.push({ line: m.line, code: 'malformed_row', key: 'contacts.import.reason.malformed_row', params: { detail: m.detail } });
      }
      const checked = await check(id, job, req, file.table.rows, mapping);
      if (!checked) {
        job.result.status = 'cancelled';
        return;
      }
      job.result.errors.push(...checked.rejected);
      job.result.errors.sort((a, b) => a.line - b.line);
      const counts = write(checked.candidates, req.onDuplicate);
      Object.assign(job.result, counts, { status: 'done' });
      if (counts.imported + counts.updated > 0) d.bus.emit({ type: 'contacts.changed', ids: [], source: 'local' });
    } catch (err) {
      const e = toApiError(err);
      Object.assign(job.result, { status: 'failed', imported: 0, updated: 0, skipped: 0, failure: { key: e.key, ...(e.params ? { params: e.params } : {}) } });
    } finally {
      finish(id, job);
    }
  }

  const getJob = (importId: string): Job => {
    const job = jobs.get(importId);
    if (!job) throw new ApiError('not_found', 'contacts.errors.importNotFound', { importId: importId.slice(0, 40) });
    return job;
  };

  return {
    start(req: ImportRequest): string {
      const id = randomUUID();
      const job: Job = {
        result: { importId: id, status: 'running', imported: 0, updated: 0, skipped: 0, encoding: null, errors: [], failure: null },
        cancelled: false, headers: [], rejectedCells: new Map(), done: Promise.resolve(),
      };
      jobs.set(id, job);
      job.done = runJob(id, job, req);
      return id;
    },
    status: (importId: string): ImportResult => getJob(importId).result,
    cancel(importId: string): ImportResult {
      const job = getJob(importId);
      if (job.result.status === 'running') job.cancelled = true;
      return job.result;
    },
    rejectedCsv(importId: string): { fileName: string; fileBase64: string } {
      const job = getJob(importId);
      if (job.result.status === 'running') throw new ApiError('conflict', 'contacts.errors.importNotFinished');
      const header = [d.t('contacts.import.rejectedHeader.line'), d.t('contacts.import.rejectedHeader.code'), d.t('contacts.import.rejectedHeader.reason'), ...job.headers];
      const rows = job.result.errors.map((e) => [String(e.line), e.code, d.t(e.key, e.params), ...(job.rejectedCells.get(e.line) ?? [])]);
      const csv = '\ufeff' + stringify([header, ...rows]);
      return { fileName: `${d.t('contacts.import.rejectedFileName')}.csv`, fileBase64: Buffer.from(csv, 'utf8').toString('base64') };
    },
    /** Stops running jobs before the database closes (they end as cancelled, nothing written). */
    async close(): Promise<void> {
      closed = true;
      for (const job of jobs.values()) if (job.result.status === 'running') job.cancelled = true;
      await Promise.all([...jobs.values()].map((j) => j.done));
    },
  };
}
export type Imports = ReturnType<typeof createImports>;

function indexed(id: number, c: Candidate): IndexedContact {
  return {
    id, name: c.name, honorific: c.honorific ?? '', phoneE164: c.e164, phoneRaw: c.phoneRaw, region: c.region, notes: c.notes ?? '',
    fieldValues: Object.values(c.fields), plates: c.vehicles.map((v) => v.plate),
  };
}

function valuesOf(c: Candidate, now: number): ContactValues {
  return {
    name: c.name, honorific: c.honorific ?? '', phoneE164: c.e164, phoneRaw: c.phoneRaw, region: c.region,
    birthday: c.birthday, birthdayMd: birthdayMonthDay(c.birthday), notes: c.notes ?? '',
    optOut: c.optOut ?? false, optOutAt: c.optOut ? now : null, optOutHow: null,
  };
}

function rowValues(r: ContactRow): ContactValues {
  return {
    name: r.name, honorific: r.honorific, phoneE164: r.phone_e164, phoneRaw: r.phone_raw, region: r.region, birthday: r.birthday,
    birthdayMd: r.birthday_md, notes: r.notes, optOut: r.opt_out === 1, optOutAt: r.opt_out_at, optOutHow: r.opt_out_how,
  };
}

/** update: what the row has replaces what the contact has (empty cells change nothing). */
function overwrite(r: ContactRow, c: Candidate, now: number): ContactValues {
  const v = rowValues(r);
  if (c.name) v.name = c.name;
  if (c.honorific) v.honorific = c.honorific;
  if (c.birthday) {
    v.birthday = c.birthday;
    v.birthdayMd = birthdayMonthDay(c.birthday);
  }
  if (c.notes) v.notes = c.notes;
  if (c.optOut !== null && c.optOut !== v.optOut) {
    v.optOut = c.optOut;
    v.optOutAt = c.optOut ? now : null;
    v.optOutHow = null;
  }
  return v;
}

/** merge: only what the contact lacks is filled in; null when nothing changes. */
function fillEmpty(r: ContactRow, c: Candidate): ContactValues | null {
  const v = rowValues(r);
  let changed = false;
  if (!v.name && c.name) [v.name, changed] = [c.name, true];
  if (!v.honorific && c.honorific) [v.honorific, changed] = [c.honorific, true];
  if (!v.birthday && c.birthday) [v.birthday, v.birthdayMd, changed] = [c.birthday, birthdayMonthDay(c.birthday), true];
  if (!v.notes && c.notes) [v.notes, changed] = [c.notes, true];
  return changed ? v : null;
}
