import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../src/engine/index.ts';
import { create, newSim, ok, put, sm, token } from './helpers.ts';

/** Which versions the quota of 100 deprecated versions removes: always the oldest, never one younger than 24 hours. */

/** Every version, following ListSecretVersionIds' pages (100 a page). */
function versionIds(sim: Simulator): { versionId: string; versionStages?: string[] }[] {
  const all: { versionId: string; versionStages?: string[] }[] = [];
  let nextToken: string | undefined;
  do {
    const page = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', includeDeprecated: true, ...(nextToken ? { nextToken } : {}) }));
    all.push(...page.versions);
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

describe('pruning deprecated versions (§2.6.8)', () => {
  it('keeps the hundred newest deprecated versions when a version is added a day at a time', () => {
    const sim = newSim();
    create(sim, 'app', 'v0', { clientRequestToken: token(0) });
    for (let i = 1; i <= 130; i++) {
      sim.advance({ hours: 25 });
      put(sim, 'app', `v${i}`, { clientRequestToken: token(i) });
    }
    const versions = versionIds(sim);
    const deprecated = versions.filter((v) => !v.versionStages?.length).map((v) => v.versionId);
    expect(deprecated).toHaveLength(100);
    // v130 is AWSCURRENT and v129 AWSPREVIOUS: the deprecated ones left are v29 to v128, every older one pruned.
    expect(new Set(deprecated)).toEqual(new Set(Array.from({ length: 100 }, (_, k) => token(29 + k))));
  });

  it('prunes several at once, oldest first, when labels removed by hand left more than a hundred', () => {
    const sim = newSim();
    create(sim, 'app', 'v0', { clientRequestToken: token(0) });
    // 100 deprecated versions, then three labelled versions whose custom labels are taken off by hand.
    for (let i = 1; i <= 101; i++) {
      sim.advance({ hours: 25 });
      put(sim, 'app', `v${i}`, { clientRequestToken: token(i) });
    }
    for (let i = 200; i < 203; i++) {
      sim.advance({ hours: 25 });
      put(sim, 'app', `custom ${i}`, { clientRequestToken: token(i), versionStages: [`KEEP${i}`] });
    }
    for (let i = 200; i < 203; i++) ok(sm(sim, 'UpdateSecretVersionStage', { secretId: 'app', versionStage: `KEEP${i}`, removeFromVersionId: token(i) }));
    expect(versionIds(sim).filter((v) => !v.versionStages?.length)).toHaveLength(103);
    sim.advance({ hours: 25 });
    put(sim, 'app', 'next', { clientRequestToken: token(300) });
    const deprecated = versionIds(sim).filter((v) => !v.versionStages?.length).map((v) => v.versionId);
    expect(deprecated).toHaveLength(100);
    // The four oldest went (v0 to v3, v0 having been deprecated when v2 became current).
    for (const gone of [0, 1, 2, 3]) expect(deprecated).not.toContain(token(gone));
    expect(deprecated).toContain(token(4));
    expect(deprecated).toContain(token(202));
  });
});
