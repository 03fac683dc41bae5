// Compose methods (issue 5): templates, placeholders, preview, the pre-send check, send and test send,
// each a thin call into the templates and compose services.
import { ApiError } from '../../../src-shared/api/errors';
import type { ApiHandlers } from '../../../src-shared/api/contract';
import type { composeContract } from '../../../src-shared/api/compose-schemas';
import type { EventBus } from '../events/bus';
import type { MessageView } from '../../../src-shared/api/schemas';
import type { Resend } from './resend';
import type { ComposeService } from './service';
import type { Templates } from './templates';

export type ComposeHandlers = Pick<ApiHandlers, keyof typeof composeContract | 'messages.resend'>;

export function createComposeHandlers(deps: { compose: ComposeService; templates: Templates; bus: EventBus; resend: Resend; getMessage(id: number): MessageView }): ComposeHandlers {
  const { compose, templates, bus, resend } = deps;
  const changed = () => bus.emit({ type: 'templates.changed' });
  return {
    'templates.list': (input) => templates.list(input),
    'templates.save': (input) => {
      const saved = templates.save(input);
      changed();
      return saved;
    },
    'templates.remove': ({ id }) => {
      templates.remove(id);
      changed();
      return { removed: id };
    },
    'compose.placeholders': () => compose.placeholders(),
    'compose.preview': ({ draft, limit }) => compose.preview(draft, limit),
    'compose.check': ({ draft }) => compose.check(draft, { origin: 'composer' }),
    'compose.send': ({ draft, leaveOut, acknowledged, origin }) => compose.send(draft, { leaveOut, acknowledged, origin }),
    'messages.resendCheck': ({ id, origin }) => resend.check(id, origin),
    'messages.resend': ({ id, origin, acknowledged }) => deps.getMessage(resend.resend(id, { origin: origin ?? 'composer', acknowledged: acknowledged ?? [] })),
    'compose.sendTest': ({ draft, to }) => {
      if (to !== undefined && to.trim() === '') throw new ApiError('validation', 'composeCore.errors.noTestNumber');
      return compose.sendTest(draft, to);
    },
  };
}
