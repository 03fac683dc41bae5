// Phrase templates (常用短语 / 定型文): list, search, save, remove, and the bookkeeping of their use.
import { ApiError } from '../../../src-shared/api/errors';
import type { EventKind, TemplateView } from '../../../src-shared/api/compose-schemas';
import type { MessagePurpose } from '../../../src-shared/api/schemas';
import type { Db } from '../db/client';

interface Row {
  id: number;
  name: string;
  category: string | null;
  body: string;
  purpose: MessagePurpose;
  event_kind: EventKind | null;
  created_at: number;
  updated_at: number;
  last_used_at: number | null;
}

export interface TemplateInput {
  id?: number | undefined;
  name: string;
  category?: string | null | undefined;
  body: string;
  purpose?: MessagePurpose | undefined;
  eventKind?: EventKind | null | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

function view(r: Row): TemplateView {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    body: r.body,
    purpose: r.purpose,
    eventKind: r.event_kind,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    lastUsedAt: r.last_used_at === null ? null : iso(r.last_used_at),
  };
}

/** LIKE pattern for "contains", with the wildcards of the search text taken literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createTemplates(db: Db, now: () => number) {
  const one = db.prepare<[number], Row>('select * from templates where id = ?');
  const byName = db.prepare<[string], Row>('select * from templates where name = ?');
  const byEvent = db.prepare<[string], Row>('select * from templates where event_kind = ?');
  const list = db.prepare<[{ pattern: string | null; category: string | null }], Row>(
    `select * from templates
      where (@pattern is null or name like @pattern escape '\\' or body like @pattern escape '\\' or category like @pattern escape '\\')
        and (@category is null or category = @category)
      order by coalesce(last_used_at, 0) desc, name`,
  );
  const categories = db.prepare<[], { category: string }>('select distinct category from templates where category is not null order by category');
  const insert = db.prepare<[string, string | null, string, string, string | null, number, number], { id: number }>(
    'insert into templates (name, category, body, purpose, event_kind, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id',
  );
  const update = db.prepare('update templates set name = ?, category = ?, body = ?, purpose = ?, event_kind = ?, updated_at = ? where id = ?');
  const remove = db.prepare('delete from templates where id = ?');
  const used = db.prepare('update templates set last_used_at = ? where id = ?');

  const get = (id: number): TemplateView => {
    const r = one.get(id);
    if (!r) throw new ApiError('not_found', 'composeCore.errors.templateNotFound', { id });
    return view(r);
  };

  return {
    get,
    /** By name, exactly as saved (the CLI's --template NAME). */
    byName(name: string): TemplateView {
      const r = byName.get(name);
      if (!r) throw new ApiError('not_found', 'composeCore.errors.templateNameNotFound', { name: name.slice(0, 60) });
      return view(r);
    },
    /** The template of an event kind, or null (the integration API). */
    forEvent(kind: EventKind): TemplateView | null {
      const r = byEvent.get(kind);
      return r ? view(r) : null;
    },
    list(input: { search?: string | undefined; category?: string | undefined }) {
      const search = input.search?.trim() ? input.search.trim() : null;
      const category = input.category?.trim() ? input.category.trim() : null;
      return {
        templates: list.all({ pattern: search ? contains(search) : null, category }).map(view),
        categories: categories.all().map((r) => r.category),
      };
    },
    save(input: TemplateInput): TemplateView {
      const name = input.name.trim();
      const category = input.category?.trim() ? input.category.trim() : null;
      const purpose = input.purpose ?? 'notification';
      return db.transaction(() => {
        const clash = byName.get(name);
        if (clash && clash.id !== input.id) throw new ApiError('conflict', 'composeCore.errors.templateNameTaken', { name });
        if (input.eventKind) {
          const holder = byEvent.get(input.eventKind);
          if (holder && holder.id !== input.id) throw new ApiError('conflict', 'composeCore.errors.eventKindTaken', { name: holder.name, kind: input.eventKind });
        }
        const t = now();
        if (input.id !== undefined) {
          const existing = one.get(input.id);
          if (!existing) throw new ApiError('not_found', 'composeCore.errors.templateNotFound', { id: input.id });
          // An absent eventKind keeps the one it has; null clears it.
          const eventKind = input.eventKind === undefined ? existing.event_kind : input.eventKind;
          update.run(name, category, input.body, purpose, eventKind, t, input.id);
          return get(input.id);
        }
        return get(insert.get(name, category, input.body, purpose, input.eventKind ?? null, t, t)!.id);
      })();
    },
    remove(id: number): void {
      get(id);
      remove.run(id);
    },
    markUsed(id: number, at: number): void {
      used.run(at, id);
    },
  };
}

export type Templates = ReturnType<typeof createTemplates>;
