import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOWNLOAD_TIMEOUT_MS, browserCommand, dataDirArg, downloadElectron, electronCommand, findElectronBinary, planStart, translateLine,
} from '../../../scripts/start.js';
import { createCore } from '../../../src-main/core';

const root = path.resolve('/work/smsdesk');

describe('planStart', () => {
  it('launches Electron without downloading when the binary is there', async () => {
    const downloads: number[] = [];
    const plan = await planStart({ findBinary: () => '/e/electron', download: async (ms) => (downloads.push(ms), true) });
    expect(plan).toEqual({ mode: 'electron', binary: '/e/electron', downloaded: false });
    expect(downloads).toEqual([]);
  });

  it('tries the download once, with the 20 s limit, and launches Electron when it worked', async () => {
    let present = false;
    const downloads: number[] = [];
    const plan = await planStart({
      findBinary: () => (present ? '/e/electron' : null),
      download: async (ms) => {
        downloads.push(ms);
        present = true;
        return true;
      },
    });
    expect(DOWNLOAD_TIMEOUT_MS).toBe(20_000);
    expect(downloads).toEqual([20_000]);
    expect(plan).toEqual({ mode: 'electron', binary: '/e/electron', downloaded: true });
  });

  it('falls back to browser mode when the download fails', async () => {
    const downloads: number[] = [];
    const plan = await planStart({ findBinary: () => null, download: async (ms) => (downloads.push(ms), false) });
    expect(plan).toEqual({ mode: 'browser' });
    expect(downloads).toHaveLength(1);
  });

  it('falls back to browser mode when the installer "succeeded" but left no binary', async () => {
    const plan = await planStart({ findBinary: () => null, download: async () => true });
    expect(plan).toEqual({ mode: 'browser' });
  });
});

function fakeFs(files: Record<string, string>) {
  return {
    readFileSync: (file: string) => {
      if (!(file in files)) throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
      return files[file]!;
    },
    existsSync: (file: string) => file in files,
  };
}

describe('findElectronBinary', () => {
  const pkg = path.join(root, 'node_modules', 'electron');

  it('reads path.txt and checks the executable exists', () => {
    const binary = path.join(pkg, 'dist', 'electron');
    expect(findElectronBinary({ root, env: {}, fs: fakeFs({ [path.join(pkg, 'path.txt')]: 'electron', [binary]: '' }) })).toBe(binary);
  });

  it('is null without path.txt (never downloaded) or without the executable', () => {
    expect(findElectronBinary({ root, env: {}, fs: fakeFs({}) })).toBeNull();
    expect(findElectronBinary({ root, env: {}, fs: fakeFs({ [path.join(pkg, 'path.txt')]: 'electron' }) })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const binary = path.join('/opt/electron', 'electron');
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, fs: fakeFs({ [binary]: '' }) })).toBe(binary);
  });
});

class FakeChild extends EventEmitter {
  killedWith: string | null = null;
  kill(signal?: NodeJS.Signals | number): boolean {
    this.killedWith = String(signal);
    return true;
  }
}

function fakeSpawner() {
  const spawned: Array<{ command: string; args: string[]; options: unknown; child: FakeChild }> = [];
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  return {
    spawned,
    timers,
    spawn: (command: string, args: string[], options: unknown) => {
      const child = new FakeChild();
      spawned.push({ command, args, options, child });
      return child as never;
    },
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t: unknown) => {
      (t as { cleared: boolean }).cleared = true;
    },
  };
}

describe('downloadElectron', () => {
  it('runs electron/install.js with Node, output hidden, and succeeds on exit 0', async () => {
    const f = fakeSpawner();
    const result = downloadElectron({ root, timeoutMs: 20_000, ...f });
    expect(f.spawned).toHaveLength(1);
    expect(f.spawned[0]!.command).toBe(process.execPath);
    expect(f.spawned[0]!.args).toEqual([path.join(root, 'node_modules', 'electron', 'install.js')]);
    expect(f.spawned[0]!.options).toMatchObject({ stdio: 'ignore' });
    expect(f.timers[0]!.ms).toBe(20_000);
    f.spawned[0]!.child.emit('exit', 0, null);
    await expect(result).resolves.toBe(true);
    expect(f.timers[0]!.cleared).toBe(true);
  });

  it('fails on a non-zero exit or a spawn error', async () => {
    const a = fakeSpawner();
    const failed = downloadElectron({ root, ...a });
    a.spawned[0]!.child.emit('exit', 1, null);
    await expect(failed).resolves.toBe(false);

    const b = fakeSpawner();
    const errored = downloadElectron({ root, ...b });
    b.spawned[0]!.child.emit('error', new Error('ENOENT'));
    await expect(errored).resolves.toBe(false);
  });

  it('kills the installer when the time limit passes', async () => {
    const f = fakeSpawner();
    const result = downloadElectron({ root, timeoutMs: 20_000, ...f });
    f.timers[0]!.fn();
    await expect(result).resolves.toBe(false);
    expect(f.spawned[0]!.child.killedWith).toBe('SIGKILL');
    // A late exit after the kill changes nothing.
    f.spawned[0]!.child.emit('exit', 0, null);
    await expect(result).resolves.toBe(false);
  });
});

describe('commands', () => {
  it('browser mode runs `smsdesk serve` through tsx with the same arguments', () => {
    const cmd = browserCommand({ root: process.cwd(), args: ['--port', '5000', '--no-open'], execPath: '/usr/bin/node' });
    expect(cmd.command).toBe('/usr/bin/node');
    expect(cmd.args[0]).toMatch(/tsx[\\/]dist[\\/]cli\.mjs$/);
    expect(cmd.args.slice(1)).toEqual([path.join('src-main', 'cli', 'index.ts'), 'serve', '--port', '5000', '--no-open']);
    expect(cmd.cwd).toBe(process.cwd());
  });

  it('Electron runs on the project folder with the same arguments', () => {
    expect(electronCommand({ binary: '/e/electron', root, args: ['--data-dir', '/d'] })).toEqual({
      command: '/e/electron',
      args: ['.', '--data-dir', '/d'],
      cwd: root,
    });
  });
});

describe('the one line', () => {
  it('finds --data-dir among the forwarded arguments', () => {
    expect(dataDirArg(['--port', '5000', '--data-dir', '/d/x'])).toBe('/d/x');
    expect(dataDirArg(['--data-dir=/d/y', '--no-open'])).toBe('/d/y');
    expect(dataDirArg(['--no-open'])).toBeUndefined();
  });

  it('speaks the app\'s default language for a new data dir, and creates nothing there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smsdesk-start-'));
    try {
      await expect(translateLine('tray.start.browserMode', { args: ['--data-dir', dir], env: {} })).resolves.toBe(
        '無法下載 Electron，smsdesk 改以瀏覽器模式啟動。',
      );
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks the ui.language setting of an existing data dir (as the serve command will)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smsdesk-start-'));
    try {
      const core = await createCore({ dataDir: dir, dispatch: false, log: () => {} });
      await core.call('settings.set', { key: 'ui.language', value: 'en' });
      await core.close();
      await expect(translateLine('tray.start.browserMode', { args: ['--data-dir', dir], env: {} })).resolves.toBe(
        'Electron could not be downloaded, so smsdesk starts in browser mode.',
      );
      await expect(translateLine('tray.start.browserMode', { args: [], env: { SMSDESK_DATA_DIR: dir } })).resolves.toBe(
        'Electron could not be downloaded, so smsdesk starts in browser mode.',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
