// Contract handlers of the scheduler (status summary, the missed notice) and of the integration API.
import type { ApiHandlers } from '../../../src-shared/api/contract';
import type { EventBus } from '../events/bus';
import type { IntegrationService } from '../integration/service';
import type { KeyStore } from '../integration/keys';
import { toMessageView, type MessageRepository } from '../outbox/repository';
import type { Clock } from '../types';
import type { Attention } from './attention';

export type SchedulerHandlers = Pick<ApiHandlers,
  | 'scheduler.status' | 'scheduler.missed' | 'scheduler.acknowledge'
  | 'integration.keys.list' | 'integration.keys.create' | 'integration.keys.revoke'
  | 'integration.messages.create' | 'integration.events.create' | 'integration.messages.get'>;

export function createSchedulerHandlers(d: { attention: Attention; keys: KeyStore; integration: IntegrationService; repo: MessageRepository; bus: EventBus; clock: Clock }): SchedulerHandlers {
  return {
    'scheduler.status': () => d.attention.status(d.clock.now()),
    'scheduler.missed': ({ limit }) => {
      const { ids, total } = d.attention.missedIds(d.clock.now(), limit);
      return { messages: ids.map((id) => d.repo.get(id)).filter((r) => r !== undefined).map(toMessageView), total };
    },
    'scheduler.acknowledge': (input) => {
      const acknowledged = d.attention.acknowledge(d.clock.now(), input);
      if (acknowledged > 0) d.bus.emit({ type: 'scheduler.changed', missed: [] });
      return { acknowledged };
    },
    'integration.keys.list': () => ({ keys: d.keys.list() }),
    'integration.keys.create': ({ name }) => d.keys.create(name, d.clock.now()),
    'integration.keys.revoke': ({ id }) => d.keys.revoke(id, d.clock.now()),
    'integration.messages.create': ({ apiKey, request }) => d.integration.createMessage(apiKey, request),
    'integration.events.create': ({ apiKey, kind, request }) => d.integration.createEvent(apiKey, kind, request),
    'integration.messages.get': ({ apiKey, id }) => d.integration.getMessage(apiKey, id),
  };
}
