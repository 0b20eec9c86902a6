import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from '../../../src/server/app-server.ts';

let dir: string;
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'secretslab-app-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>SecretsLab</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});

afterAll(() => {
  busy.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('secretslab app (the server behind npm start)', () => {
  it('takes a free port when the default one is busy, and says where', async () => {
    const app = await startAppServer({ port: busyPort, host: '127.0.0.1', dir, fallbackToFreePort: true });
    try {
      expect(app.url).not.toContain(`:${busyPort}/`);
      const page = await fetch(app.url);
      expect(await page.text()).toContain('<title>SecretsLab</title>');
    } finally {
      await app.close();
    }
  });

  it('refuses a busy port the learner asked for', async () => {
    await expect(startAppServer({ port: busyPort, host: '127.0.0.1', dir })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('serves the app for any route, assets as immutable, and nothing outside its folder', async () => {
    const app = await startAppServer({ port: 0, host: '127.0.0.1', dir });
    try {
      const route = await fetch(new URL('secrets/prod', app.url));
      expect(await route.text()).toContain('SecretsLab');
      const asset = await fetch(new URL('assets/app.js', app.url));
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(asset.headers.get('content-type')).toContain('javascript');
      const escape = await fetch(new URL('/..%2F..%2Fetc%2Fpasswd', app.url));
      expect([403, 200]).toContain(escape.status);
      expect(await escape.text()).not.toContain('root:');
    } finally {
      await app.close();
    }
  });
});
