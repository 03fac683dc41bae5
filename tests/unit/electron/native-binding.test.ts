import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateNativeBinding, nativeBindingPath } from '../../../src-main/electron/native-binding';

const dev = { isPackaged: false, resourcesPath: '/opt/smsdesk/resources', appRoot: '/home/me/smsdesk', electronVersion: '45.4.1' };
const packaged = { ...dev, isPackaged: true };

describe('native binding path', () => {
  it('is under .cache/electron-native/<electron version>/ in a checkout', () => {
    expect(nativeBindingPath(dev)).toBe(path.join('/home/me/smsdesk', '.cache', 'electron-native', '45.4.1', 'better_sqlite3.node'));
  });

  it('is under <resources>/electron-native/<electron version>/ in a packaged app', () => {
    expect(nativeBindingPath(packaged)).toBe(path.join('/opt/smsdesk/resources', 'electron-native', '45.4.1', 'better_sqlite3.node'));
  });

  it('never points at the Node build in node_modules', () => {
    for (const ctx of [dev, packaged]) expect(nativeBindingPath(ctx)).not.toContain('node_modules');
  });

  it('reports whether the file exists, with the path it looked at', () => {
    const expected = nativeBindingPath(dev);
    expect(locateNativeBinding(dev, (f) => f === expected)).toEqual({ ok: true, path: expected });
    expect(locateNativeBinding(dev, () => false)).toEqual({ ok: false, path: expected });
  });

  it('follows the running Electron version', () => {
    expect(nativeBindingPath({ ...dev, electronVersion: '46.0.0' })).toContain(path.join('electron-native', '46.0.0'));
  });
});
