// Contacts (issue 4): contract method → contacts service. Spread into core/api/handlers.ts.
import { ApiError } from '../../../src-shared/api/errors';
import { contactsContract } from '../../../src-shared/api/contacts-schemas';
import type { ApiHandlers } from '../../../src-shared/api/contract';

type ContactsMethod = keyof typeof contactsContract;
export type ContactsHandlers = Pick<ApiHandlers, ContactsMethod>;

/** Placeholder until the service lands: every method answers "unsupported". */
export function createContactsHandlers(): ContactsHandlers {
  const unsupported = (method: string) => () => {
    throw new ApiError('validation', 'errors.unknownMethod', { method });
  };
  return Object.fromEntries(Object.keys(contactsContract).map((m) => [m, unsupported(m)])) as unknown as ContactsHandlers;
}
