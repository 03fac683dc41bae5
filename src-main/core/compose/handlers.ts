// Compose methods (issue 5). Placeholder wiring so the contract type-checks while the compose core is
// built; each method refuses with a translated "not available yet" until it is implemented.
import { ApiError } from '../../../src-shared/api/errors';
import type { ApiHandlers } from '../../../src-shared/api/contract';
import type { composeContract } from '../../../src-shared/api/compose-schemas';

export type ComposeHandlers = Pick<ApiHandlers, keyof typeof composeContract>;

const notYet = (): never => {
  throw new ApiError('conflict', 'errors.notAvailable');
};

export function createComposeHandlers(): ComposeHandlers {
  return {
    'templates.list': notYet,
    'templates.save': notYet,
    'templates.remove': notYet,
    'compose.placeholders': notYet,
    'compose.preview': notYet,
    'compose.check': notYet,
    'compose.send': notYet,
    'compose.sendTest': notYet,
  };
}
