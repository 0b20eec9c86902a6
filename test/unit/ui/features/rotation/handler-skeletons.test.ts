import { describe, expect, it } from 'vitest';
import { createSimulator, DAY, deployRotationFunction, MINUTE, rotationState, type World } from '../../../../../src/engine/index.ts';
import { advanceRunningFunctionsSync } from '../../../../../src/sandbox/run-functions.ts';
import { nodeSandbox } from '../../../../../src/server/node-sandbox.ts';
import { GENERIC_HANDLER, STEP_SKELETON } from '../../../../../src/ui/features/rotation/handler-skeletons.ts';

const INITIAL_KEY = 'ak_initial_0123456789abcdefghij';
const sandbox = nodeSandbox({ wallLimitMs: 1000 });

function setup(source: string) {
  const sim = createSimulator({ seed: 'skeletons' });
  const functionArn = deployRotationFunction(sim, { name: 'rotate-api-key', template: 'SecretsManagerRotationTemplate', inVpc: false, source });
  const created = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'partner/api-key', secretString: JSON.stringify({ apiKey: INITIAL_KEY, account: 'acme' }) } });
  if (!created.ok) throw created.error;
  const secretArn = created.output.arn;
  const rotate = () => sim.call({ service: 'secretsmanager', operation: 'RotateSecret', input: { secretId: secretArn, rotationLambdaARN: functionArn, rotationRules: { automaticallyAfterDays: 30 } } });
  const run = () => rotationState(sim.state as World).runs[secretArn]!;
  const current = () => {
    const out = sim.call<{ secretString: string }>({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: secretArn } });
    if (!out.ok) throw out.error;
    return JSON.parse(out.output.secretString) as { apiKey: string; account: string };
  };
  return { sim, rotate, run, current, runFor: (ms: number) => advanceRunningFunctionsSync(sim, sim.now + ms, sandbox) };
}

describe('the starter code of the Function code panel', () => {
  it('the generic handler rotates an API-key secret, keeps its other fields, and rotates again the next time', () => {
    const s = setup(GENERIC_HANDLER);
    expect(s.rotate().ok).toBe(true);
    s.runFor(MINUTE);
    expect(s.run().state).toBe('succeeded');
    expect(s.run().steps.map((step) => step.logs)).toEqual([
      [expect.stringMatching(/^createSecret: new key ending \w{4} stored as AWSPENDING$/)],
      ['setSecret: nothing to set; this key is not registered anywhere else'],
      ['testSecret: nothing to test'],
      [expect.stringMatching(/^finishSecret: AWSCURRENT moved from [\w-]+ to [\w-]+$/)],
    ]);
    const first = s.current();
    expect(first.apiKey).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(first.account).toBe('acme');

    expect(s.rotate().ok).toBe(true);
    s.runFor(MINUTE);
    expect(s.run().state).toBe('succeeded');
    expect(s.current().apiKey).not.toBe(first.apiKey);
    s.runFor(40 * DAY);
    expect(s.run().state).toBe('succeeded');
  });

  it('the four-step skeleton loads and runs each step (its TODOs do nothing yet)', () => {
    const s = setup(STEP_SKELETON);
    s.rotate();
    s.runFor(MINUTE);
    const steps = s.run().steps;
    expect(steps[0]).toMatchObject({ step: 'createSecret', outcome: 'succeeded', logs: [expect.stringMatching(/^createSecret for version [\w-]+$/)] });
    expect(steps.every((step) => step.outcome === 'succeeded')).toBe(true);
    expect(s.current().apiKey).toBe(INITIAL_KEY);
  });
});
