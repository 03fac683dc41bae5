// `smsdesk run` and `smsdesk serve` hold the dispatcher lease, so they also serve the integration API
// (when it is on); its start and stop go to stderr in the operator's language.
import { serveIntegrationWhileLeased, type IntegrationHost } from '../integration/while-leased';
import type { CliContext } from './context';

export function serveIntegration(ctx: Pick<CliContext, 'core' | 't' | 'err'>): IntegrationHost {
  return serveIntegrationWhileLeased({
    core: ctx.core,
    log: (e) => {
      if (e.kind === 'listening') ctx.err(ctx.t('integration.cli.listening', { url: e.url }));
      else if (e.kind === 'stopped') ctx.err(ctx.t('integration.cli.stopped'));
      else ctx.err(ctx.t('integration.cli.portBusy', { port: e.port, reason: e.reason }));
    },
  });
}
