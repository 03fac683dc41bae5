// The slice of the Electron API the host uses, as plain interfaces. Every host module takes these as
// parameters instead of importing 'electron', so unit tests pass a fake (the Electron binary cannot
// run on our build machines). main.ts passes the real module, so `tsc` checks that Electron's own
// types still fit these. Methods are declared with method syntax on purpose: Electron's overloaded
// `on(event: 'close', …)` signatures are then assignable to our `on(event: string, …)`.

/** Electron's event object: what listeners of 'close', 'will-navigate' … receive first. */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean) | null): void;
}

export interface WindowOpenDetails {
  url: string;
}

export interface WebContentsLike {
  readonly session: SessionLike;
  on(event: string, listener: (event: PreventableEvent, ...args: never[]) => void): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Options we give BrowserWindow (a subset of BrowserWindowConstructorOptions). */
export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  icon?: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: boolean;
    sandbox: boolean;
    nodeIntegration: boolean;
    nodeIntegrationInWorker: boolean;
    nodeIntegrationInSubFrames: boolean;
    webSecurity: boolean;
    allowRunningInsecureContent: boolean;
    webviewTag: boolean;
    navigateOnDragDrop: boolean;
    spellcheck: boolean;
  };
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  on(event: string, listener: (event: PreventableEvent) => void): unknown;
  once(event: string, listener: () => void): unknown;
}

export interface BrowserWindowConstructor {
  new (options: MainWindowOptions): BrowserWindowLike;
}

/** A tray menu item (a subset of MenuItemConstructorOptions). */
export interface MenuItemOptions {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
}

export interface MenuLike {
  readonly items: ReadonlyArray<unknown>;
}

export interface MenuStatic {
  buildFromTemplate(template: MenuItemOptions[]): MenuLike;
  setApplicationMenu(menu: MenuLike | null): void;
}

export interface TrayLike {
  setToolTip(toolTip: string): void;
  setContextMenu(menu: MenuLike | null): void;
  setImage(image: string): void;
  on(event: string, listener: () => void): unknown;
  destroy(): void;
}

export interface TrayConstructor {
  new (image: string): TrayLike;
}

export interface CustomSchemeLike {
  scheme: string;
  privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; corsEnabled?: boolean; stream?: boolean };
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** What an `ipcMain.handle` listener receives: we only read the sending frame's URL. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface AppLike {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  on(event: string, listener: (event: PreventableEvent, ...args: never[]) => void): unknown;
  whenReady(): Promise<unknown>;
  setPath(name: string, path: string): void;
  getVersion(): string;
  getLocale(): string;
  setAppUserModelId(id: string): void;
  quit(): void;
  exit(exitCode?: number): void;
  /** Start with the system (issue 7): the login item, opened hidden in the tray. */
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

export interface DialogLike {
  showErrorBox(title: string, content: string): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** An OS notification (Electron's Notification). */
export interface NotificationLike {
  show(): void;
  on(event: string, listener: () => void): unknown;
}

export interface NotificationStatic {
  new (options: { title: string; body: string }): NotificationLike;
  isSupported(): boolean;
}

/** Everything main.ts hands to runApp(). */
export interface ElectronApi {
  app: AppLike;
  BrowserWindow: BrowserWindowConstructor;
  Tray: TrayConstructor;
  Menu: MenuStatic;
  protocol: ProtocolLike;
  ipcMain: IpcMainLike;
  dialog: DialogLike;
  shell: ShellLike;
  session: { readonly defaultSession: SessionLike };
  /** Absent in hosts that cannot show notifications (and in older fakes). */
  Notification?: NotificationStatic;
}
