// The IPC binding of the contract: one channel for calls, one for events. Nothing else crosses.
// Calls answer with a result envelope instead of throwing, because an error thrown from an
// ipcMain.handle listener reaches the renderer as a bare Error whose message is all that's left;
// the envelope keeps the ApiError shape (kind, key, params) the UI translates.
import type { CoreEvent } from '../../src-shared/api';
import { ApiError, toApiError } from '../../src-shared/api';
import type { Core } from '../core/types';
import type { InvokeEventLike, IpcMainLike, WebContentsLike } from './electron-api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';
import type { InvokeResult } from './preload-bridge';
import { isAppUrl } from './security';

export { EVENT_CHANNEL, INVOKE_CHANNEL };
export type { InvokeResult };

/** Only our own page (app://smsdesk/…) may call the core. */
export function isTrustedSender(event: InvokeEventLike): boolean {
  return isAppUrl(event.senderFrame?.url);
}

/** Handles one call: check the sender, then let the core validate and run it. Never throws. */
export async function handleInvoke(
  core: Pick<Core, 'call'>,
  isTrusted: (event: InvokeEventLike) => boolean,
  event: InvokeEventLike,
  method: unknown,
  input: unknown,
): Promise<InvokeResult> {
  if (!isTrusted(event)) return { ok: false, error: new ApiError('forbidden', 'tray.ipc.forbidden').toJSON() };
  if (typeof method !== 'string') return { ok: false, error: new ApiError('validation', 'errors.validation.invalidInput').toJSON() };
  try {
    return { ok: true, value: await core.call(method, input) };
  } catch (err) {
    return { ok: false, error: toApiError(err).toJSON() };
  }
}

/** Binds the contract to ipcMain. Returns a function that unbinds it. */
export function registerIpc(
  ipcMain: IpcMainLike,
  core: Pick<Core, 'call'>,
  isTrusted: (event: InvokeEventLike) => boolean = isTrustedSender,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method, input) => handleInvoke(core, isTrusted, event, method, input));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Pushes every core event to the window (whichever window is current). Returns the unsubscribe. */
export function forwardEvents(core: Pick<Core, 'onEvent'>, target: () => WebContentsLike | null): () => void {
  return core.onEvent((event: CoreEvent) => {
    const webContents = target();
    if (webContents && !webContents.isDestroyed()) webContents.send(EVENT_CHANNEL, event);
  });
}
