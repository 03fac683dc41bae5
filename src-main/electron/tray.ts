// The tray icon: the app keeps sending while its window is closed, and this is where the operator
// sees that, pauses sending, reopens the window or really quits.
import type { Language } from '../../src-shared/i18n';
import { intlLocale } from '../../src-shared/i18n/languages';
import { formatDateTime } from '../../src-shared/format/datetime';
import type { SchedulerState, SchedulerStatus } from '../../src-shared/api/scheduler-schemas';
import type { Core } from '../core/types';
import type { MenuItemOptions, MenuLike, MenuStatic, TrayConstructor, TrayLike } from './electron-api';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What the menu shows. `paused: null` = not known yet (the first status query is on its way). */
export interface TrayState {
  paused: boolean | null;
  /** The scheduler's summary (scheduler.status); null until the first answer. */
  status?: SchedulerStatus | null;
  /** The next scheduled time as the shop reads it (its zone, the app's language). */
  nextDueText?: string | null;
}

export interface TrayActions {
  open(): void;
  /** Opens the window on the composer. */
  compose?(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

/** The icon's state: attention > paused > sending > idle (scheduler.status), paused from the setting until it answers. */
export function trayIconState(state: TrayState): SchedulerState {
  if (state.status) return state.status.state;
  return state.paused ? 'paused' : 'idle';
}

export function trayMenuTemplate(state: TrayState, actions: TrayActions, t: Translate): MenuItemOptions[] {
  const pauseItem: MenuItemOptions =
    state.paused === null
      ? { id: 'pause', label: t('tray.pause'), enabled: false }
      : state.paused
        ? { id: 'resume', label: t('tray.resume'), click: () => actions.setPaused(false) }
        : { id: 'pause', label: t('tray.pause'), click: () => actions.setPaused(true) };
  const next: MenuItemOptions = {
    id: 'next',
    label: state.nextDueText ? t('scheduler.summary.next', { time: state.nextDueText }) : t('scheduler.summary.noNext'),
    enabled: false,
  };
  return [
    { id: 'open', label: t('tray.open'), click: () => actions.open() },
    ...(actions.compose ? [{ id: 'compose', label: t('scheduler.tray.compose'), click: () => actions.compose?.() }] : []),
    { type: 'separator' },
    next,
    pauseItem,
    { type: 'separator' },
    { id: 'quit', label: t('tray.quit'), click: () => actions.quit() },
  ];
}

export function buildTrayMenu(electron: { Menu: Pick<MenuStatic, 'buildFromTemplate'> }, state: TrayState, actions: TrayActions, t: Translate): MenuLike {
  return electron.Menu.buildFromTemplate(trayMenuTemplate(state, actions, t));
}

/** The first line as before (running / paused), then the state, the counts and the next time, and what needs attention. */
export function trayToolTip(state: TrayState, t: Translate): string {
  const first = state.paused ? t('tray.tooltipPaused') : t('tray.tooltip');
  const s = state.status;
  if (!s) return first;
  const lines = [first, `${t(`scheduler.state.${s.state}`)} · ${t('scheduler.summary.queued', { n: s.queued })} · ${t('scheduler.summary.scheduled', { n: s.scheduled })}`];
  if (state.nextDueText) lines.push(t('scheduler.summary.next', { time: state.nextDueText }));
  const a = s.attention;
  if (a.missed) lines.push(t('scheduler.summary.reasons.missed', { n: a.missed }));
  if (a.failed) lines.push(t('scheduler.summary.reasons.failed', { n: a.failed }));
  if (a.unknown) lines.push(t('scheduler.summary.reasons.unknown', { n: a.unknown }));
  if (a.lowBalance.length) lines.push(t('scheduler.summary.reasons.lowBalance', { accounts: a.lowBalance.join(', ') }));
  if (a.missedRuns) lines.push(t('rules.tray.missedRuns', { n: a.missedRuns }));
  if (a.pausedAccounts.length) lines.push(t('scheduler.summary.reasons.pausedAccounts', { accounts: a.pausedAccounts.join(', ') }));
  // Windows cuts a tray tooltip at 127 characters.
  return lines.join('\n').slice(0, 127);
}

/** The i18next instance the host shares between the tray and its dialogs. */
export interface HostI18n {
  t: Translate;
  changeLanguage(language: Language): Promise<unknown>;
}

export interface TrayIcons {
  normal: string;
  paused: string;
  sending?: string;
  attention?: string;
}

function iconFor(icons: TrayIcons, state: SchedulerState): string {
  if (state === 'paused') return icons.paused;
  if (state === 'sending') return icons.sending ?? icons.normal;
  if (state === 'attention') return icons.attention ?? icons.normal;
  return icons.normal;
}

export interface TrayControllerOptions {
  core: Pick<Core, 'call' | 'onEvent'>;
  i18n: HostI18n;
  icons: TrayIcons;
  open(): void;
  /** Opens the window on the composer (the menu shows Compose only when given). */
  compose?(): void;
  quit(): void;
  /** Where a failed status query or pause call is reported (the tray itself stays usable). */
  onError?: (err: unknown) => void;
}

export interface TrayController {
  readonly tray: TrayLike;
  readonly state: Readonly<TrayState>;
  /** Re-reads the language and the dispatcher status, then redraws. */
  refresh(): Promise<void>;
  destroy(): void;
}

export function createTrayController(
  electron: { Tray: TrayConstructor; Menu: Pick<MenuStatic, 'buildFromTemplate'> },
  options: TrayControllerOptions,
): TrayController {
  const { core, i18n } = options;
  const state: TrayState = { paused: null, status: null, nextDueText: null };
  let language: Language = 'zh-TW';
  let timeZone = 'UTC';
  const nextText = (status: SchedulerStatus | null | undefined) =>
    status?.nextDueAt ? formatDateTime(status.nextDueAt, intlLocale[language], timeZone, 'minute') : null;
  const report = options.onError ?? ((err: unknown) => console.error('smsdesk tray:', err));
  const tray = new electron.Tray(options.icons.normal);

  const actions: TrayActions = {
    open: () => options.open(),
    ...(options.compose ? { compose: () => options.compose?.() } : {}),
    quit: () => options.quit(),
    setPaused: (paused) => {
      core.call('dispatcher.setPaused', { paused }).then((status) => {
        state.paused = (status as { paused: boolean }).paused;
        redraw();
      }, report);
    },
  };

  function redraw(): void {
    tray.setImage(iconFor(options.icons, trayIconState(state)));
    tray.setToolTip(trayToolTip(state, i18n.t));
    // Linux (AppIndicator) only picks up a changed menu when it is set again.
    tray.setContextMenu(buildTrayMenu(electron, state, actions, i18n.t));
  }

  async function refresh(): Promise<void> {
    try {
      const [info, status] = await Promise.all([core.call('app.info', {}), core.call('dispatcher.status', {})]);
      language = (info as { language: Language }).language;
      timeZone = (info as { timeZone: string }).timeZone;
      await i18n.changeLanguage(language);
      state.paused = (status as { paused: boolean }).paused;
      // The summary is newer than the others (issue 7); a core without it keeps the plain tray.
      const summary = await core.call('scheduler.status', {}).then((v) => v as SchedulerStatus, () => null);
      state.status = summary;
      state.nextDueText = nextText(summary);
    } catch (err) {
      report(err);
    }
    redraw();
  }

  // Windows and Linux: a click on the icon opens the window (macOS opens the menu).
  tray.on('click', () => options.open());
  tray.on('double-click', () => options.open());
  redraw();

  const unsubscribe = core.onEvent((event) => {
    // Pause/resume lives in settings; the language too. Either may be changed by the window or the CLI.
    if (event.type === 'dispatcher.changed' || event.type === 'settings.changed') void refresh();
    if (event.type === 'scheduler.status') {
      state.status = event.status;
      state.paused = event.status.paused;
      state.nextDueText = nextText(event.status);
      redraw();
    }
  });
  void refresh();

  return {
    tray,
    state,
    refresh,
    destroy() {
      unsubscribe();
      tray.destroy();
    },
  };
}
