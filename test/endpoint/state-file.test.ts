import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-secrets-manager';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretsClient, startTestEndpoint } from './helpers.ts';
import { WORLD_SCHEMA_VERSION } from '../../src/engine/index.ts';

/** `--state FILE`: the world survives restarts; a corrupt file is reported and kept aside, never overwritten. */

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'secretslab-state-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('state file', () => {
  it('keeps the world across a restart', async () => {
    const statePath = join(dir, 'world.json');
    const first = await startTestEndpoint({ statePath, saveDebounceMs: 20 });
    const sm = secretsClient(first);
    await sm.send(new CreateSecretCommand({ Name: 'persisted', SecretString: 'v1' }));
    await sm.send(new PutSecretValueCommand({ SecretId: 'persisted', SecretString: 'v2' }));
    sm.destroy();
    await first.close();
    expect(existsSync(statePath)).toBe(true);
    expect(existsSync(`${statePath}.tmp`)).toBe(false);

    const second = await startTestEndpoint({ statePath });
    const again = secretsClient(second);
    try {
      expect(second.notes.join('\n')).toContain('loaded');
      expect((await again.send(new GetSecretValueCommand({ SecretId: 'persisted' }))).SecretString).toBe('v2');
      expect((await again.send(new GetSecretValueCommand({ SecretId: 'persisted', VersionStage: 'AWSPREVIOUS' }))).SecretString).toBe('v1');
    } finally {
      again.destroy();
      await second.close();
    }
  });

  it('saves shortly after a change, without waiting for shutdown', async () => {
    const statePath = join(dir, 'debounced.json');
    const endpoint = await startTestEndpoint({ statePath, saveDebounceMs: 20 });
    const sm = secretsClient(endpoint);
    try {
      const before = readFileSync(statePath, 'utf8');
      await sm.send(new CreateSecretCommand({ Name: 'soon', SecretString: 'x' }));
      await new Promise((resolve) => setTimeout(resolve, 150));
      const after = readFileSync(statePath, 'utf8');
      expect(after).not.toBe(before);
      expect(after).toContain('"soon"');
      // The value itself is sealed: it never appears in the file in clear.
      expect(after).not.toContain('"x"');
    } finally {
      sm.destroy();
      await endpoint.close();
    }
  });

  it('moves a corrupt file aside, says so, and starts fresh', async () => {
    const statePath = join(dir, 'corrupt.json');
    writeFileSync(statePath, '{"schemaVersion": 1, "this is": "not a world"');
    const endpoint = await startTestEndpoint({ statePath });
    try {
      const aside = readdirSync(dir).filter((name) => name.startsWith('corrupt.json.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"schemaVersion": 1, "this is": "not a world"');
      expect(endpoint.notes.join('\n')).toMatch(/could not be loaded[\s\S]*moved to .*corrupt\.json\.corrupt-/);
      // The fresh world is saved in the original place.
      expect(JSON.parse(readFileSync(statePath, 'utf8')).schemaVersion).toBe(WORLD_SCHEMA_VERSION);
    } finally {
      await endpoint.close();
    }
  });

  it('treats a valid JSON file that is not a world as corrupt too', async () => {
    const statePath = join(dir, 'wrong-shape.json');
    writeFileSync(statePath, JSON.stringify({ schemaVersion: 1, hello: 'world' }));
    const endpoint = await startTestEndpoint({ statePath });
    try {
      expect(readdirSync(dir).some((name) => name.startsWith('wrong-shape.json.corrupt-'))).toBe(true);
    } finally {
      await endpoint.close();
    }
  });
});

describe('--realtime', () => {
  it('lets virtual time follow the wall clock, so a recovery window ends', async () => {
    let wall = 1_000_000;
    const endpoint = await startTestEndpoint({ realtime: true, wallClock: () => wall });
    const sm = secretsClient(endpoint);
    try {
      await sm.send(new CreateSecretCommand({ Name: 'clock/soon-gone', SecretString: 'x' }));
      await sm.send(new DeleteSecretCommand({ SecretId: 'clock/soon-gone', RecoveryWindowInDays: 7 }));
      wall += 3 * 86_400_000;
      const created = await sm.send(new CreateSecretCommand({ Name: 'clock/later', SecretString: 'y' }));
      expect(created.ARN).toBeDefined();
      const later = await sm.send(new DescribeSecretCommand({ SecretId: 'clock/later' }));
      expect(later.CreatedDate).toEqual(new Date(Date.UTC(2026, 0, 4)));
      wall += 5 * 86_400_000;
      await expect(sm.send(new DescribeSecretCommand({ SecretId: 'clock/soon-gone' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    } finally {
      sm.destroy();
      await endpoint.close();
    }
  });

  it('is off by default: the clock stands still', async () => {
    const endpoint = await startTestEndpoint();
    const sm = secretsClient(endpoint);
    try {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await sm.send(new CreateSecretCommand({ Name: 'clock/still', SecretString: 'x' }));
      expect((await sm.send(new DescribeSecretCommand({ SecretId: 'clock/still' }))).CreatedDate).toEqual(new Date(Date.UTC(2026, 0, 1)));
    } finally {
      sm.destroy();
      await endpoint.close();
    }
  });
});

describe('the secretslab command', () => {
  it('serve prints the URL and both accounts credentials, and saves on SIGTERM', async () => {
    const statePath = join(dir, 'cli.json');
    const child = spawn(process.execPath, ['bin/secretslab.js', 'serve', '--port', '0', '--state', statePath, '--seed', 'cli'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const started = Date.now();
      while (!/AWS_SECRET_ACCESS_KEY=(?!test)\S+/.test(output)) {
        if (Date.now() - started > 20_000 || child.exitCode !== null) throw new Error(`serve did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      expect(output).toContain('AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test');
      expect(output).toMatch(/444455556666 .*AWS_ACCESS_KEY_ID=AKIA[A-Z0-9]{16} AWS_SECRET_ACCESS_KEY=\S{40}/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    expect(child.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(statePath, 'utf8')).seed).toBe('cli');
  });
});
