// A fake of the slice of Electron the host uses (src-main/electron/electron-api.ts), recording what
// the host does with it. The Electron binary cannot run on our build machines; these fakes let the
// unit tests check window options, handlers, the tray and the app's lifecycle instead.
import type {
  AppLike, BrowserWindowLike, CustomSchemeLike, ElectronApi, InvokeEventLike, IpcMainLike, MainWindowOptions,
  MenuItemOptions, MenuLike, PreventableEvent, ProtocolLike, SessionLike, TrayLike, WindowOpenDetails,
} from '../../../src-main/electron/electron-api';
import type { ContextBridgeLike, IpcRendererLike } from '../../../src-main/electron/preload-bridge';

type Listener = (...args: never[]) => unknown;

/** A tiny EventEmitter: `on`, `once`, and `emit` that returns the listeners' event object. */
export class Emitter {
  private listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = ((...args: never[]) => {
      this.off(event, wrapped);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Calls every listener with a fresh preventable event first, then `args`; returns that event. */
  emitPreventable(event: string, ...args: unknown[]): FakeEvent {
    const e = new FakeEvent();
    for (const l of [...(this.listeners.get(event) ?? [])]) (l as (...a: unknown[]) => unknown)(e, ...args);
    return e;
  }

  /** Calls every listener with exactly `args`. */
  emitRaw(event: string, ...args: unknown[]): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) (l as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeSession implements SessionLike {
  permissionRequestHandler: Parameters<SessionLike['setPermissionRequestHandler']>[0] = null;
  permissionCheckHandler: Parameters<SessionLike['setPermissionCheckHandler']>[0] = null;

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  /** What the page would get when it asks for `permission`. */
  request(permission: string): boolean | 'unanswered' {
    let answer: boolean | 'unanswered' = 'unanswered';
    this.permissionRequestHandler?.({}, permission, (granted) => (answer = granted), {});
    return answer;
  }
}

export class FakeWebContents extends Emitter {
  readonly session = new FakeSession();
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }) | null = null;
  destroyed = false;

  setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends Emitter implements BrowserWindowLike {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;

  constructor(readonly options: MainWindowOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** What the user's click on the close button does: 'close', then closed unless prevented. */
  userClose(): FakeEvent {
    const event = this.emitPreventable('close');
    if (!event.defaultPrevented) {
      this.visible = false;
      this.destroyed = true;
    }
    return event;
  }
}

export class FakeMenu implements MenuLike {
  constructor(readonly items: MenuItemOptions[]) {}

  item(id: string): MenuItemOptions {
    const found = this.items.find((i) => i.id === id);
    if (!found) throw new Error(`no menu item ${id}; have ${this.items.map((i) => i.id ?? i.type).join(', ')}`);
    return found;
  }
}

export class FakeTray extends Emitter implements TrayLike {
  static instances: FakeTray[] = [];
  toolTip = '';
  menu: FakeMenu | null = null;
  destroyed = false;

  constructor(public image: string) {
    super();
    FakeTray.instances.push(this);
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setContextMenu(menu: MenuLike | null): void {
    this.menu = menu as FakeMenu | null;
  }
  setImage(image: string): void {
    this.image = image;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeProtocol implements ProtocolLike {
  privileged: CustomSchemeLike[] = [];
  handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

export class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke(channel, ...args) from a frame at `frameUrl` would get. */
  async invokeFrom(frameUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  }
}

export class FakeApp extends Emitter implements AppLike {
  isPackaged = false;
  gotLock = true;
  paths = new Map<string, string>();
  userModelId: string | null = null;
  locale = 'zh-TW';
  exitCode: number | null = null;
  /** Set when the app finished quitting (no listener prevented 'will-quit'). */
  quitted = false;
  quitCalls = 0;
  private readyResolve: (() => void) | null = null;
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  whenReady(): Promise<unknown> {
    return this.ready;
  }
  /** Fires 'ready' (tests decide when). */
  makeReady(): void {
    this.readyResolve?.();
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  getLocale(): string {
    return this.locale;
  }
  setAppUserModelId(id: string): void {
    this.userModelId = id;
  }
  /** Like Electron: 'before-quit', then windows close, then 'will-quit' (which a listener may prevent). */
  quit(): void {
    this.quitCalls++;
    const before = this.emitPreventable('before-quit');
    if (before.defaultPrevented) return;
    for (const win of FakeBrowserWindow.instances) {
      if (!win.destroyed && win.userClose().defaultPrevented) return;
    }
    const will = this.emitPreventable('will-quit');
    if (!will.defaultPrevented) this.quitted = true;
  }
  exit(exitCode = 0): void {
    this.exitCode = exitCode;
  }
  loginItem: { openAtLogin: boolean; args?: string[] } | null = null;
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void {
    this.loginItem = settings;
  }
}

/** Electron's Notification: records what was shown; `click()` is the operator clicking it. */
export class FakeNotification extends Emitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
  click(): void {
    this.emitRaw('click');
  }
}

export interface FakeElectron extends ElectronApi {
  app: FakeApp;
  protocol: FakeProtocol;
  ipcMain: FakeIpcMain;
  Menu: { buildFromTemplate(template: MenuItemOptions[]): FakeMenu; setApplicationMenu(menu: MenuLike | null): void; applicationMenu: MenuLike | null | 'unset' };
  dialog: { showErrorBox(title: string, content: string): void; errors: Array<{ title: string; content: string }> };
  shell: { openExternal(url: string): Promise<void>; opened: string[] };
  session: { defaultSession: FakeSession };
}

export function createFakeElectron(): FakeElectron {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.shown = [];
  FakeNotification.supported = true;
  const dialogErrors: Array<{ title: string; content: string }> = [];
  const opened: string[] = [];
  const Menu: FakeElectron['Menu'] = {
    applicationMenu: 'unset',
    buildFromTemplate: (template) => new FakeMenu(template),
    setApplicationMenu(menu) {
      Menu.applicationMenu = menu;
    },
  };
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu,
    protocol: new FakeProtocol(),
    ipcMain: new FakeIpcMain(),
    dialog: { errors: dialogErrors, showErrorBox: (title, content) => void dialogErrors.push({ title, content }) },
    shell: { opened, openExternal: async (url) => void opened.push(url) },
    session: { defaultSession: new FakeSession() },
    Notification: FakeNotification,
  };
}

/** The preload's side: a contextBridge that records what is exposed, and an ipcRenderer. */
export class FakeContextBridge implements ContextBridgeLike {
  exposed = new Map<string, unknown>();
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey)) throw new Error(`Cannot bind an API on top of an existing property on the window object (${apiKey})`);
    this.exposed.set(apiKey, api);
  }
}

export class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  private readonly emitter = new Emitter();
  reply: (channel: string, ...args: unknown[]) => unknown = () => undefined;

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return Promise.resolve(this.reply(channel, ...args));
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.emitter.on(channel, listener as Listener);
    return this;
  }
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.emitter.off(channel, listener as Listener);
    return this;
  }
  listenerCount(channel: string): number {
    return this.emitter.listenerCount(channel);
  }
  /** What webContents.send(channel, payload) from the main process delivers. */
  deliver(channel: string, payload: unknown): void {
    this.emitter.emitRaw(channel, { sender: this }, payload);
  }
}
