// Where the Electron build of better-sqlite3 lives (DESIGN.md §1). node_modules keeps the Node build
// (tests, CLI, browser mode); loading it in Electron would crash with a NODE_MODULE_VERSION (ABI)
// mismatch, so the host never falls back to it: a missing Electron build is a clear error instead.
//
// The build is made by scripts/electron-native.js: by `npm start` into .cache/electron-native/, and
// by electron-builder's beforeBuild hook, which also ships it as an extra resource.
import path from 'node:path';

export const NATIVE_FILE_NAME = 'better_sqlite3.node';
/** Folder under the project root (development) holding one sub-folder per Electron version. */
export const DEV_NATIVE_DIR = path.join('.cache', 'electron-native');
/** Folder under process.resourcesPath (packaged app); electron-builder.yml's extraResources. */
export const PACKAGED_NATIVE_DIR = 'electron-native';

export interface NativeBindingContext {
  isPackaged: boolean;
  /** process.resourcesPath (packaged app). */
  resourcesPath: string;
  /** The project root in development: the folder holding dist-electron/ and .cache/. */
  appRoot: string;
  /** process.versions.electron. */
  electronVersion: string;
}

export function nativeBindingPath(ctx: NativeBindingContext): string {
  return ctx.isPackaged
    ? path.join(ctx.resourcesPath, PACKAGED_NATIVE_DIR, ctx.electronVersion, NATIVE_FILE_NAME)
    : path.join(ctx.appRoot, DEV_NATIVE_DIR, ctx.electronVersion, NATIVE_FILE_NAME);
}

export type NativeBindingResult = { ok: true; path: string } | { ok: false; path: string };

export function locateNativeBinding(ctx: NativeBindingContext, exists: (file: string) => boolean): NativeBindingResult {
  const file = nativeBindingPath(ctx);
  return exists(file) ? { ok: true, path: file } : { ok: false, path: file };
}
