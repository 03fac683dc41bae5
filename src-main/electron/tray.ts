// The tray icon: the app keeps sending while its window is closed, and this is where the operator
// sees that, pauses sending, reopens the window or really quits.
import type { Language } from '../../src-shared/i18n';
import type { Core } from '../core/types';
import type { MenuItemOptions, MenuLike, MenuStatic, TrayConstructor, TrayLike } from './electron-api';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What the menu shows. `paused: null` = not known yet (the first status query is on its way). */
export interface TrayState {
  paused: boolean | null;
}

export interface TrayActions {
  open(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

export function trayMenuTemplate(state: TrayState, actions: TrayActions, t: Translate): MenuItemOptions[] {
  const pauseItem: MenuItemOptions =
    state.paused === null
      ? { id: 'pause', label: t('tray.pause'), enabled: false }
      : state.paused
        ? { id: 'resume', label: t('tray.resume'), click: () => actions.setPaused(false) }
        : { id: 'pause', label: t('tray.pause'), click: () => actions.setPaused(true) };
  return [
    { id: 'open', label: t('tray.open'), click: () => actions.open() },
    { type: 'separator' },
    pauseItem,
    { type: 'separator' },
    { id: 'quit', label: t('tray.quit'), click: () => actions.quit() },
  ];
}

export function buildTrayMenu(electron: { Menu: Pick<MenuStatic, 'buildFromTemplate'> }, state: TrayState, actions: TrayActions, t: Translate): MenuLike {
  return electron.Menu.buildFromTemplate(trayMenuTemplate(state, actions, t));
}

export function trayToolTip(state: TrayState, t: Translate): string {
  return state.paused ? t('tray.tooltipPaused') : t('tray.tooltip');
}

/** The i18next instance the host shares between the tray and its dialogs. */
export interface HostI18n {
  t: Translate;
  changeLanguage(language: Language): Promise<unknown>;
}

export interface TrayIcons {
  normal: string;
  paused: string;
}

export interface TrayControllerOptions {
  core: Pick<Core, 'call' | 'onEvent'>;
  i18n: HostI18n;
  icons: TrayIcons;
  open(): void;
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
  const state: TrayState = { paused: null };
  const report = options.onError ?? ((err: unknown) => console.error('smsdesk tray:', err));
  const tray = new electron.Tray(options.icons.normal);

  const actions: TrayActions = {
    open: () => options.open(),
    quit: () => options.quit(),
    setPaused: (paused) => {
      core.call('dispatcher.setPaused', { paused }).then((status) => {
        state.paused = (status as { paused: boolean }).paused;
        redraw();
      }, report);
    },
  };

  function redraw(): void {
    tray.setImage(state.paused ? options.icons.paused : options.icons.normal);
    tray.setToolTip(trayToolTip(state, i18n.t));
    // Linux (AppIndicator) only picks up a changed menu when it is set again.
    tray.setContextMenu(buildTrayMenu(electron, state, actions, i18n.t));
  }

  async function refresh(): Promise<void> {
    try {
      const [info, status] = await Promise.all([core.call('app.info', {}), core.call('dispatcher.status', {})]);
      await i18n.changeLanguage((info as { language: Language }).language);
      state.paused = (status as { paused: boolean }).paused;
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
