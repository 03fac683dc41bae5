// The desktop's own settings (issue 7): start minimised to the tray, start with the system. They live
// in the database with every other setting, so the Settings page and `smsdesk settings` change them.
import type { Core } from '../core/types';
import type { AppLike } from './electron-api';

export interface DesktopSettings {
  startMinimised: boolean;
  startWithSystem: boolean;
}

export async function readDesktopSettings(core: Pick<Core, 'call'>): Promise<DesktopSettings> {
  const { settings } = (await core.call('settings.list', {})) as { settings: { key: string; value: unknown }[] };
  const value = (key: string) => settings.find((s) => s.key === key)?.value === true;
  return { startMinimised: value('scheduler.startMinimised'), startWithSystem: value('scheduler.startWithSystem') };
}

/** Registers (or removes) the login item; at login the app starts hidden in the tray. */
export function applyLoginItem(app: Pick<AppLike, 'setLoginItemSettings'>, on: boolean): void {
  app.setLoginItemSettings(on ? { openAtLogin: true, args: ['--hidden'] } : { openAtLogin: false });
}
