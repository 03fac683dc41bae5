// OS notifications (issue 7): failures, missed timed messages and reminder runs, and low balance, as the scheduler's
// summary (`scheduler.status` events) shows them appearing; and, when the operator asked for it
// (setting scheduler.notifyAfterBatch), one after each batch that was sent — as 短信通 does.
// A click on a notification opens the window.
import type { CoreEvent } from '../../src-shared/api/events';
import type { SchedulerStatus } from '../../src-shared/api/scheduler-schemas';
import type { Core } from '../core/types';
import type { NotificationStatic } from './electron-api';
import type { Translate } from './tray';

export interface NotifierOptions {
  core: Pick<Core, 'call' | 'onEvent'>;
  t: Translate;
  open(): void;
  onError?: (err: unknown) => void;
}

export interface Notice {
  title: string;
  body: string;
}

/** What changed between two summaries that the operator should hear about. `previous` null: the first one seen. */
export function noticesFor(previous: SchedulerStatus | null, next: SchedulerStatus, t: Translate): Notice[] {
  const notices: Notice[] = [];
  const before = previous?.attention;
  const now = next.attention;
  // Missed messages are told at start-up too (catch-up found them); old failures are not told again.
  if (now.missed > (before?.missed ?? 0)) notices.push({ title: t('scheduler.notify.missedTitle'), body: t('scheduler.notify.missedBody', { n: now.missed - (before?.missed ?? 0) }) });
  // Reminder-rule runs found too late are missed work too: told the same way, at start-up as well.
  const runs = now.missedRuns ?? 0;
  const runsBefore = before?.missedRuns ?? 0;
  if (runs > runsBefore) notices.push({ title: t('rules.tray.missedRunsTitle'), body: t('rules.tray.missedRunsBody', { n: runs - runsBefore }) });
  if (before && now.failed > before.failed) notices.push({ title: t('scheduler.notify.failedTitle'), body: t('scheduler.notify.failedBody', { n: now.failed - before.failed }) });
  const newlyLow = now.lowBalance.filter((a) => !(before?.lowBalance ?? []).includes(a));
  if (before && newlyLow.length) notices.push({ title: t('scheduler.notify.lowBalanceTitle'), body: t('scheduler.notify.lowBalanceBody', { accounts: newlyLow.join(', ') }) });
  return notices;
}

export function startNotifier(electron: { Notification?: NotificationStatic }, options: NotifierOptions): () => void {
  const Notification = electron.Notification;
  if (!Notification || !Notification.isSupported()) return () => {};
  const report = options.onError ?? (() => {});
  let last: SchedulerStatus | null = null;
  let afterBatch = false;

  const show = (n: Notice) => {
    try {
      const shown = new Notification({ title: n.title, body: n.body });
      shown.on('click', () => options.open());
      shown.show();
    } catch (err) {
      report(err);
    }
  };

  const readSetting = () => {
    options.core.call('settings.list', {}).then((list) => {
      const found = (list as { settings: { key: string; value: unknown }[] }).settings.find((s) => s.key === 'scheduler.notifyAfterBatch');
      afterBatch = found?.value === true;
    }, report);
  };
  readSetting();

  return options.core.onEvent((event: CoreEvent) => {
    if (event.type === 'settings.changed') readSetting();
    if (event.type === 'scheduler.status') {
      noticesFor(last, event.status, options.t).forEach(show);
      last = event.status;
    }
    if (event.type === 'scheduler.batch' && afterBatch && event.accepted > 0) {
      show({ title: options.t('scheduler.notify.batchTitle'), body: options.t('scheduler.notify.batchBody', { n: event.accepted }) });
    }
  });
}
