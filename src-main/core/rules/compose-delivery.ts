// RuleDelivery over compose (issue 5): until the compose core lands, rules cannot render or send.
import { ApiError } from '../../../src-shared/api/errors';
import type { RuleDelivery } from './delivery';

export function createComposeDelivery(): RuleDelivery & { assertTemplate(id: number): void; assertAccount(name: string): void } {
  const notYet = (): never => {
    throw new ApiError('conflict', 'errors.notAvailable');
  };
  return { render: notYet, enqueue: notYet, assertTemplate: notYet, assertAccount: notYet };
}
