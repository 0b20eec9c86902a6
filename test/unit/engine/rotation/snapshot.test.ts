import { describe, expect, it } from 'vitest';
import { addApplication, loadSimulator, settleTraffic, targetsState, type World } from '../../../../src/engine/index.ts';
import { MULTI, currentValue, finishRun, rotationLab, run, sm, token } from './helpers.ts';

describe('a rotation in flight is data in the world', () => {
  it('a snapshot taken between steps loads and the run carries on to the same end as without the round trip', () => {
    const straight = rotationLab(MULTI, { seed: 'snap' });
    const saved = rotationLab(MULTI, { seed: 'snap' });
    for (const lab of [straight, saved]) {
      addApplication(lab.sim, { name: 'api', secretArn: lab.secretArn, databaseId: lab.db.id, cache: true, clients: 2 });
      sm(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: lab.functionArn, clientRequestToken: token(2) });
      // Two scheduled moments: createSecret is invoked, then it ends and setSecret is invoked.
      lab.sim.advanceTo(lab.sim.nextTask()!.at);
      lab.sim.advanceTo(lab.sim.nextTask()!.at);
    }
    expect(run(saved.sim, saved.secretArn)!.state).toBe('setSecret');
    const reloaded = loadSimulator(JSON.parse(JSON.stringify(saved.sim.snapshot())));
    finishRun(straight.sim, straight.secretArn);
    finishRun(reloaded, saved.secretArn);
    expect(run(reloaded, saved.secretArn)).toEqual(run(straight.sim, straight.secretArn));
    expect(currentValue(reloaded, saved.secretArn)).toEqual(currentValue(straight.sim, straight.secretArn));
    straight.sim.advance(3_600_000);
    reloaded.advance(3_600_000);
    settleTraffic(straight.sim);
    settleTraffic(reloaded);
    const apps = (w: World) => Object.values(targetsState(w).applications).map((a) => a.totals);
    expect(apps(reloaded.state as World)).toEqual(apps(straight.sim.state as World));
  });
});
