// The shared account-field rules (src-shared/accounts/fields.ts), as the core enforces them: any
// problem is a validation ApiError that names each field.
import { ApiError } from '../../../src-shared/api/errors';
import type { ProviderName } from '../../../src-shared/api/schemas';
import { accountFieldProblems, type AccountFields, type AccountFieldsInput } from '../../../src-shared/accounts/fields';

export type { AccountFields };

export function checkAccountFields(provider: ProviderName, input: AccountFieldsInput): AccountFields {
  const { fields, problems } = accountFieldProblems(provider, input);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.slice(1).map((p) => ({ path: p.field, key: p.key }));
    throw new ApiError('validation', first.key, { provider, field: first.field }, more.length ? more : undefined);
  }
  return fields;
}
