import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageMarkdown, createSimulator } from '../../src/engine/index.ts';

describe('docs/coverage.md', () => {
  it('is the registry as it is now (run `npm run coverage:docs` after adding an operation)', () => {
    const onDisk = readFileSync(new URL('../../docs/coverage.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(coverageMarkdown(createSimulator()));
  });

  it('lists every Secrets Manager operation of the API that the engine implements', () => {
    const text = coverageMarkdown(createSimulator());
    for (const operation of ['CreateSecret', 'GetSecretValue', 'BatchGetSecretValue', 'UpdateSecretVersionStage', 'StopReplicationToReplica', 'ValidateResourcePolicy']) {
      expect(text).toContain(`| ${operation} | \`secretsmanager:${operation}\``);
    }
  });
});
