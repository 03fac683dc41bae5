// Events pushed from the core to every host's listeners (IPC, SSE, the CLI's --wait).
// `source: 'external'` means another process (CLI, `smsdesk run`) wrote the database: we only know
// that something changed, so listeners refetch.
import { z } from 'zod';
import { importResultSchema } from './contacts-schemas';
import { dataChangedEventSchema, dataProgressEventSchema } from './data-schemas';

export const coreEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('messages.changed'), ids: z.array(z.number().int()), source: z.enum(['local', 'external']) }),
  z.object({ type: z.literal('settings.changed'), keys: z.array(z.string()) }),
  z.object({ type: z.literal('accounts.changed') }),
  z.object({ type: z.literal('dispatcher.changed') }),
  // Contacts (issue 4): ids empty = "anything may have changed" (bulk actions, imports, other processes).
  z.object({ type: z.literal('contacts.changed'), ids: z.array(z.number().int()), source: z.enum(['local', 'external']) }),
  z.object({ type: z.literal('contacts.import.progress'), importId: z.string(), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('contacts.import.finished'), importId: z.string(), result: importResultSchema }),
  dataProgressEventSchema,
  dataChangedEventSchema,
  // Phrase templates (issue 5) were saved or removed (here or by another process).
  z.object({ type: z.literal('templates.changed') }),
]);
export type CoreEvent = z.infer<typeof coreEventSchema>;
export type CoreEventListener = (event: CoreEvent) => void;
