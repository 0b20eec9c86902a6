import { describe, expect, it } from 'vitest';
import { injectFault, rotationState, setFunctionNetwork, type World } from '../../../../src/engine/index.ts';
import {
  MULTI,
  SINGLE,
  currentValue,
  expectOneCurrent,
  finishRun,
  liveDb,
  rotationLab,
  run,
  serviceEvents,
  sm,
  smResult,
  stages,
  token,
} from './helpers.ts';

function rotate(lab: ReturnType<typeof rotationLab>, n: number, extra: Record<string, unknown> = {}) {
  return sm(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: lab.functionArn, clientRequestToken: token(n), ...extra });
}

describe('a rotation run against the secret (single user)', () => {
  it('RotateSecret returns at once with the pending VersionId; the empty AWSPENDING version exists before any step ran', () => {
    const lab = rotationLab();
    expect(rotate(lab, 2)).toEqual({ arn: lab.secretArn, name: 'orders/app', versionId: token(2) });
    expect(stages(lab.sim, lab.secretArn)).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] });
    expect(run(lab.sim, lab.secretArn)?.steps).toEqual([]);
    const read = smResult(lab.sim, 'GetSecretValue', { secretId: lab.secretArn, versionStage: 'AWSPENDING' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.code).toBe('ResourceNotFoundException');
  });

  it('the four steps run in order on virtual time, each making the template\'s calls; the labels move and the database follows', () => {
    const lab = rotationLab();
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const r = run(lab.sim, lab.secretArn)!;
    expect(r.state).toBe('succeeded');
    expect(r.steps.map((s) => s.step)).toEqual(['createSecret', 'setSecret', 'testSecret', 'finishSecret']);
    for (let i = 1; i < r.steps.length; i++) expect(r.steps[i]!.startedAt).toBe(r.steps[i - 1]!.endedAt);
    expect(r.steps[0]!.calls.map((c) => c.operation)).toEqual(['DescribeSecret', 'GetSecretValue', 'GetSecretValue', 'GetRandomPassword', 'PutSecretValue']);
    expect(r.steps[0]!.calls[2]!.errorCode).toBe('ResourceNotFoundException');
    expect(r.steps[3]!.calls.map((c) => c.operation)).toEqual(['DescribeSecret', 'UpdateSecretVersionStage']);
    // The labels as each step left them: AWSPENDING appears with createSecret, AWSCURRENT moves at finishSecret.
    expect(r.steps.map((s) => s.labelsAfter)).toEqual([
      { [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] },
      { [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] },
      { [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] },
      { [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSPENDING', 'AWSCURRENT'] },
    ]);
    expect(stages(lab.sim, lab.secretArn)).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT', 'AWSPENDING'] });
    const value = currentValue(lab.sim, lab.secretArn);
    expect(value.username).toBe('app');
    expect(value.password).not.toBe('app-pass-1');
    expect(liveDb(lab.sim, lab.db.id).users['app']!.password).toBe(value.password);
  });

  it('the function calls as its execution role, logged like any caller (CloudTrail sees the assumed-role session)', () => {
    const lab = rotationLab();
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const calls = lab.sim.state.log.entries.filter((e) => e.kind === 'call' && e.principal.arn.includes('assumed-role/rotate-orders-role/rotate-orders'));
    expect(calls.map((c) => (c as { operation: string }).operation)).toContain('UpdateSecretVersionStage');
    expect(calls.every((c) => (c as { errorCode?: string }).errorCode === undefined || (c as { operation: string }).operation === 'GetSecretValue')).toBe(true);
  });

  it('emits RotationStarted and RotationSucceeded, without secret values; DescribeSecret shows LastRotatedDate and NextRotationDate', () => {
    const lab = rotationLab();
    rotate(lab, 2, { rotationRules: { automaticallyAfterDays: 7 } });
    finishRun(lab.sim, lab.secretArn);
    const started = serviceEvents(lab.sim, 'RotationStarted');
    const succeeded = serviceEvents(lab.sim, 'RotationSucceeded');
    expect(started).toHaveLength(1);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0].service).toBe('secretsmanager');
    const password = currentValue(lab.sim, lab.secretArn).password;
    expect(JSON.stringify([...started, ...succeeded])).not.toContain(password);
    const d = sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn });
    const r = run(lab.sim, lab.secretArn)!;
    expect(d.lastRotatedDate).toBe(r.endedAt);
    // Seven days after the rotation's day, to the window's last second (AWS shows 23:59:59 for a day window).
    const day = Math.floor(r.endedAt! / 86_400_000) * 86_400_000;
    expect(d.nextRotationDate).toBe(day + 8 * 86_400_000 - 1000);
  });

  it('meters the function for Lambda (requests and MB-ms) to the secret\'s account', () => {
    const lab = rotationLab();
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const month = Object.values(lab.sim.state.usage)[0]!['111122223333']!;
    expect(month['lambda:Requests']).toBe(4);
    const r = run(lab.sim, lab.secretArn)!;
    const ms = r.steps.reduce((n, s) => n + (s.endedAt - s.startedAt), 0);
    expect(month['lambda:MbMs']).toBe(128 * ms);
    expect(Number.isInteger(month['lambda:MbMs'])).toBe(true);
  });
});

describe('alternating users', () => {
  it('creates the _clone user through the master secret, and the previous user keeps working', () => {
    const lab = rotationLab(MULTI);
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    expect(run(lab.sim, lab.secretArn)!.state).toBe('succeeded');
    const current = currentValue(lab.sim, lab.secretArn);
    expect(current.username).toBe('app_clone');
    const users = liveDb(lab.sim, lab.db.id).users;
    expect(users['app_clone']!.password).toBe(current.password);
    expect(users['app']!.password).toBe('app-pass-1');
    rotate(lab, 3);
    finishRun(lab.sim, lab.secretArn);
    expect(currentValue(lab.sim, lab.secretArn).username).toBe('app');
    expect(liveDb(lab.sim, lab.db.id).users['app_clone']!.password).toBe(current.password);
  });

  it('without masterarn the alternating template fails at setSecret', () => {
    const lab = rotationLab(MULTI);
    sm(lab.sim, 'PutSecretValue', { secretId: lab.secretArn, secretString: JSON.stringify({ engine: 'mysql', host: lab.db.host, username: 'app', password: 'app-pass-1' }), clientRequestToken: token(9) });
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const r = run(lab.sim, lab.secretArn)!;
    expect(r.state).toBe('failed');
    expect(r.failedStep).toBe('setSecret');
    expect(r.cause).toMatch(/masterarn/);
  });
});

describe('failure points', () => {
  const cases = [
    { step: 'createSecret', kind: 'timeout', outcome: 'timedOut', cause: /^Task timed out after 30\.00 seconds/ },
    { step: 'createSecret', kind: 'permissionDenied', outcome: 'failed', cause: /AccessDeniedException.*DescribeSecret/ },
    { step: 'setSecret', kind: 'wrongPassword', outcome: 'failed', cause: /Unable to log into database with previous, current, or pending secret/ },
    { step: 'setSecret', kind: 'databaseUnreachable', outcome: 'failed', cause: /Unable to connect to database/ },
    { step: 'testSecret', kind: 'wrongPassword', outcome: 'failed', cause: /testSecret: Unable to log into database with pending secret/ },
    { step: 'testSecret', kind: 'databaseUnreachable', outcome: 'failed', cause: /Unable to connect/ },
    { step: 'finishSecret', kind: 'timeout', outcome: 'timedOut', cause: /Task timed out/ },
    { step: 'finishSecret', kind: 'permissionDenied', outcome: 'failed', cause: /AccessDeniedException/ },
  ] as const;
  for (const c of cases) {
    it(`${c.kind} at ${c.step}: the run fails at that step, RotationFailed names it, AWSCURRENT does not move`, () => {
      const lab = rotationLab();
      injectFault(lab.sim, lab.functionArn, c.step, { kind: c.kind });
      rotate(lab, 2);
      finishRun(lab.sim, lab.secretArn);
      const r = run(lab.sim, lab.secretArn)!;
      expect(r.state).toBe('failed');
      expect(r.failedStep).toBe(c.step);
      const last = r.steps[r.steps.length - 1]!;
      expect(last.outcome).toBe(c.outcome);
      expect(last.cause).toMatch(c.cause);
      const failed = serviceEvents(lab.sim, 'RotationFailed');
      expect(failed).toHaveLength(1);
      expect(failed[0].details.step).toBe(c.step);
      expect(expectOneCurrent(lab.sim, lab.secretArn)).toBe(token(1));
      // The pending version stays labelled, as AWS leaves it.
      expect(stages(lab.sim, lab.secretArn)[token(2)]).toEqual(['AWSPENDING']);
    });
  }

  it('a timed-out step lasts the function\'s Timeout in virtual time and is billed for it', () => {
    const lab = rotationLab(SINGLE, { timeout: 12 });
    injectFault(lab.sim, lab.functionArn, 'createSecret', { kind: 'timeout' });
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const step = run(lab.sim, lab.secretArn)!.steps[0]!;
    expect(step.endedAt - step.startedAt).toBe(12_000);
    expect(step.calls).toEqual([]);
  });

  it('a function in a VPC with no route to Secrets Manager times out at its first step, making no call', () => {
    const lab = rotationLab();
    setFunctionNetwork(lab.sim, lab.functionArn, { secretsManagerRoute: 'none' });
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const r = run(lab.sim, lab.secretArn)!;
    expect(r.failedStep).toBe('createSecret');
    expect(r.cause).toMatch(/Task timed out after 30\.00 seconds \(no route from the function to Secrets Manager/);
    setFunctionNetwork(lab.sim, lab.functionArn, { secretsManagerRoute: 'nat' });
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    expect(run(lab.sim, lab.secretArn)!.state).toBe('succeeded');
  });

  it('a database route the function lacks: setSecret cannot connect; with a timeout under 5 s it times out instead', () => {
    const lab = rotationLab(SINGLE, { timeout: 3 });
    setFunctionNetwork(lab.sim, lab.functionArn, { databaseRoute: false });
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const r = run(lab.sim, lab.secretArn)!;
    expect(r.failedStep).toBe('setSecret');
    expect(r.steps[1]!.outcome).toBe('timedOut');
  });

  it('an execution role without the permission fails through the real policy check (no injection)', () => {
    const lab = rotationLab();
    const result = lab.sim.call({ service: 'iam', operation: 'DeleteRolePolicy', input: { roleName: 'rotate-orders-role', policyName: 'SecretsManagerRotationPolicy' } });
    expect(result.ok).toBe(true);
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const r = run(lab.sim, lab.secretArn)!;
    expect(r.failedStep).toBe('createSecret');
    expect(r.cause).toMatch(/AccessDeniedException.*DescribeSecret.*assumed-role\/rotate-orders-role\/rotate-orders/);
    expect(r.steps[0]!.calls).toEqual([{ operation: 'DescribeSecret', summary: 'SecretId', errorCode: 'AccessDeniedException' }]);
  });

  it('a probability fault fails some seeded runs and not others, the same way on every replay', () => {
    const outcomes = (seed: string) => {
      const lab = rotationLab(SINGLE, { seed });
      injectFault(lab.sim, lab.functionArn, 'testSecret', { kind: 'wrongPassword', probability: 0.5 });
      const states: string[] = [];
      for (let i = 0; i < 12; i++) {
        const pending = Object.entries(stages(lab.sim, lab.secretArn)).find(([, s]) => s.includes('AWSPENDING') && !s.includes('AWSCURRENT'));
        rotate(lab, pending ? Number(pending[0].slice(-12)) : 100 + i);
        finishRun(lab.sim, lab.secretArn);
        states.push(run(lab.sim, lab.secretArn)!.state);
      }
      return states;
    };
    const first = outcomes('p');
    expect(first).toContain('failed');
    expect(first).toContain('succeeded');
    expect(outcomes('p')).toEqual(first);
  });
});

describe('after a failure, and interruptions', () => {
  it('the next attempt behaves as on AWS: RotateSecret with another token is refused, the same token resumes and completes', () => {
    const lab = rotationLab();
    injectFault(lab.sim, lab.functionArn, 'testSecret', { kind: 'wrongPassword' });
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    expect(run(lab.sim, lab.secretArn)!.state).toBe('failed');
    const pendingValue = JSON.parse(sm(lab.sim, 'GetSecretValue', { secretId: lab.secretArn, versionStage: 'AWSPENDING' }).secretString);
    const refused = smResult(lab.sim, 'RotateSecret', { secretId: lab.secretArn, clientRequestToken: token(3) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe("A previous rotation isn't complete. That rotation will be reattempted.");
    injectFault(lab.sim, lab.functionArn, 'testSecret', undefined);
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    const r = run(lab.sim, lab.secretArn)!;
    expect(r.state).toBe('succeeded');
    // createSecret found the pending value for the token and kept it (no second PutSecretValue).
    expect(r.steps[0]!.calls.map((c) => c.operation)).not.toContain('PutSecretValue');
    expect(currentValue(lab.sim, lab.secretArn).password).toBe(pendingValue.password);
  });

  it('a manual PutSecretValue during a run abandons it: AWSPENDING removed, RotationAbandoned, the run ends abandoned', () => {
    const lab = rotationLab();
    rotate(lab, 2);
    lab.sim.advance(1000); // createSecret has run
    expect(run(lab.sim, lab.secretArn)!.steps).toHaveLength(1);
    sm(lab.sim, 'PutSecretValue', { secretId: lab.secretArn, secretString: JSON.stringify({ username: 'app', password: 'app-pass-1', host: lab.db.host }), clientRequestToken: token(5) });
    expect(Object.values(stages(lab.sim, lab.secretArn)).flat()).not.toContain('AWSPENDING');
    finishRun(lab.sim, lab.secretArn);
    expect(run(lab.sim, lab.secretArn)!.state).toBe('abandoned');
    expect(serviceEvents(lab.sim, 'RotationAbandoned')).toHaveLength(1);
    expect(expectOneCurrent(lab.sim, lab.secretArn)).toBe(token(5));
  });

  it('CancelRotateSecret ends a run in progress as cancelled and leaves its pending version for clean-up', () => {
    const lab = rotationLab();
    rotate(lab, 2);
    lab.sim.advance(1000);
    const out = sm(lab.sim, 'CancelRotateSecret', { secretId: lab.secretArn });
    expect(out.versionId).toBe(token(2));
    expect(run(lab.sim, lab.secretArn)!.state).toBe('cancelled');
    lab.sim.advance(60_000);
    expect(run(lab.sim, lab.secretArn)!.steps).toHaveLength(1);
    expect(stages(lab.sim, lab.secretArn)[token(2)]).toEqual(['AWSPENDING']);
    expect(sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn }).rotationEnabled).toBe(false);
    // Rotating again with the interrupted run's token resumes it; the cancelled run is kept once in the history.
    const cancelledId = run(lab.sim, lab.secretArn)!.runId;
    rotate(lab, 2);
    finishRun(lab.sim, lab.secretArn);
    expect(run(lab.sim, lab.secretArn)!.state).toBe('succeeded');
    const history = rotationState(lab.sim.state as World).history[lab.secretArn]!;
    expect(history.filter((h) => h.runId === cancelledId).map((h) => h.state)).toEqual(['cancelled']);
  });

  it('RotateImmediately=false runs only testSecret on a temporary pending version, then removes it and schedules', () => {
    const lab = rotationLab();
    rotate(lab, 2, { rotateImmediately: false, rotationRules: { automaticallyAfterDays: 3 } });
    finishRun(lab.sim, lab.secretArn);
    const r = run(lab.sim, lab.secretArn)!;
    expect(r.state).toBe('tested');
    expect(r.steps.map((s) => s.step)).toEqual(['testSecret']);
    expect(stages(lab.sim, lab.secretArn)).toEqual({ [token(1)]: ['AWSCURRENT'] });
    expect(currentValue(lab.sim, lab.secretArn).password).toBe('app-pass-1');
    expect(sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn }).nextRotationDate).toBeGreaterThan(lab.sim.now);
  });
});

describe('which functions RotateSecret accepts', () => {
  it('an unknown function ARN is refused as AWS refuses it, and nothing is saved', () => {
    const lab = rotationLab();
    const result = smResult(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: 'arn:aws:lambda:us-east-1:111122223333:function:nope' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('AccessDeniedException');
      expect(result.error.message).toBe('Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.');
    }
    expect(sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn })).not.toHaveProperty('rotationEnabled');
  });

  it('a function whose policy does not let secretsmanager.amazonaws.com invoke it is refused the same way', () => {
    const lab = rotationLab();
    const created = lab.sim.call<{ functionArn: string }>({
      service: 'lambda',
      operation: 'CreateFunction',
      input: { functionName: 'no-permission', role: 'arn:aws:iam::111122223333:role/rotate-orders-role', code: { rotationTemplate: SINGLE } },
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const result = smResult(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: created.output.functionArn });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('AccessDeniedException');
  });

  it('the world lists its rotation functions with their configuration (ListFunctions, GetFunctionConfiguration)', () => {
    const lab = rotationLab();
    const list = lab.sim.call<{ functions: { functionArn: string; timeout: number; vpcConfig?: unknown }[] }>({ service: 'lambda', operation: 'ListFunctions', input: {} });
    expect(list.ok && list.output.functions.map((f) => f.functionArn)).toEqual([lab.functionArn]);
    const updated = lab.sim.call<{ timeout: number }>({ service: 'lambda', operation: 'UpdateFunctionConfiguration', input: { functionName: 'rotate-orders', timeout: 60 } });
    expect(updated.ok && updated.output.timeout).toBe(60);
    const world = lab.sim.state as World;
    expect(world.services.lambda).toBeDefined();
  });
});
