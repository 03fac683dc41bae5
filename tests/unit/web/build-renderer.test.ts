import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, isRendererStale } from '../../../src-main/web/build-renderer';

let root: string;
const T0 = new Date('2026-01-01T00:00:00Z');
const later = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

async function put(rel: string, at: Date): Promise<void> {
  const file = path.join(root, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, rel);
  await utimes(file, at, at);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'smsdesk-build-'));
  await put('src-renderer/main.tsx', T0);
  await put('src-renderer/features/compose/Compose.tsx', T0);
  await put('src-shared/sms/segments.ts', T0);
  await put('vite.config.ts', T0);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('isRendererStale', () => {
  it('is stale when dist-renderer/index.html is missing', async () => {
    expect(await isRendererStale(root)).toBe(true);
  });

  it('is fresh when index.html is newer than every source', async () => {
    await put('dist-renderer/index.html', later(10));
    expect(await isRendererStale(root)).toBe(false);
  });

  it('is stale when a file deep in src-renderer is newer', async () => {
    await put('dist-renderer/index.html', later(10));
    await put('src-renderer/features/compose/Compose.tsx', later(20));
    expect(await isRendererStale(root)).toBe(true);
  });

  it('is stale when shared code the renderer bundles is newer', async () => {
    await put('dist-renderer/index.html', later(10));
    await put('src-shared/sms/segments.ts', later(20));
    expect(await isRendererStale(root)).toBe(true);
  });

  it('is stale when the Vite config is newer', async () => {
    await put('dist-renderer/index.html', later(10));
    await put('vite.config.ts', later(20));
    expect(await isRendererStale(root)).toBe(true);
  });

  it('ignores node_modules and dot folders inside the sources', async () => {
    await put('dist-renderer/index.html', later(10));
    await put('src-renderer/node_modules/x/index.js', later(20));
    await put('src-renderer/.cache/y', later(20));
    expect(await isRendererStale(root)).toBe(false);
  });

  it('is fresh for an installed package that ships dist-renderer without sources', async () => {
    const pkg = await mkdtemp(path.join(tmpdir(), 'smsdesk-pkg-'));
    try {
      await mkdir(path.join(pkg, 'dist-renderer'));
      await writeFile(path.join(pkg, 'dist-renderer', 'index.html'), 'x');
      expect(await isRendererStale(pkg)).toBe(false);
    } finally {
      await rm(pkg, { recursive: true, force: true });
    }
  });
});

describe('ensureRendererBuilt', () => {
  const messages = { building: 'building the app…', built: 'built' };

  it('builds a stale renderer with the repository\'s Vite config and says so in one line first', async () => {
    const lines: string[] = [];
    const configs: string[] = [];
    const built = await ensureRendererBuilt({
      root,
      log: (l) => lines.push(l),
      messages,
      build: async (configFile) => {
        configs.push(configFile);
        await put('dist-renderer/index.html', later(100));
      },
    });
    expect(built).toBe(true);
    expect(configs).toEqual([path.join(root, 'vite.config.ts')]);
    expect(lines).toEqual(['building the app…', 'built']);
    expect(await isRendererStale(root)).toBe(false);
  });

  it('leaves a fresh renderer alone', async () => {
    await put('dist-renderer/index.html', later(10));
    const lines: string[] = [];
    const built = await ensureRendererBuilt({ root, log: (l) => lines.push(l), messages, build: () => Promise.reject(new Error('must not build')) });
    expect(built).toBe(false);
    expect(lines).toEqual([]);
  });

  it('fails clearly when it must build but the sources are absent', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'smsdesk-empty-'));
    try {
      await expect(ensureRendererBuilt({ root: empty, log: () => {}, messages, build: () => Promise.resolve() })).rejects.toThrow(/vite\.config\.ts/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
