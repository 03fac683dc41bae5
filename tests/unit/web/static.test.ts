import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, looksLikeClientRoute, resolveStaticFile } from '../../../src-main/web/static';

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smsdesk-static-'));
  root = path.join(dir, 'dist');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), 'x');
  await writeFile(path.join(root, 'assets', 'a.js'), 'x');
  await writeFile(path.join(dir, 'outside.txt'), 'x');
  await symlink(path.join(dir, 'outside.txt'), path.join(root, 'escape.txt'));
  await symlink(dir, path.join(root, 'up'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveStaticFile', () => {
  it('finds files inside the folder', async () => {
    expect(await resolveStaticFile(root, ['assets', 'a.js'])).toMatch(/assets[/\\]a\.js$/);
    expect(await resolveStaticFile(root, ['index.html'])).toMatch(/index\.html$/);
  });

  it('refuses directories, missing files, dotfiles and links that lead outside', async () => {
    expect(await resolveStaticFile(root, ['assets'])).toBeNull();
    expect(await resolveStaticFile(root, ['nope.js'])).toBeNull();
    expect(await resolveStaticFile(root, ['.env'])).toBeNull();
    expect(await resolveStaticFile(root, ['escape.txt'])).toBeNull();
    expect(await resolveStaticFile(root, ['up', 'outside.txt'])).toBeNull();
  });
});

describe('content types and client routes', () => {
  it('names the types the renderer build produces', () => {
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('treats paths without an extension as routes of the app', () => {
    expect(looksLikeClientRoute([])).toBe(true);
    expect(looksLikeClientRoute(['log', 'today'])).toBe(true);
    expect(looksLikeClientRoute(['assets', 'x.js'])).toBe(false);
  });
});
