import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeKeys,
  completeInvocation,
  createPartnerApi,
  createSimulator,
  DAY,
  deployFunctionCode,
  deployRotationFunction,
  MINUTE,
  partnerApis,
  pendingInvocations,
  resourceState,
  rotationState,
  setFunctionNetwork,
  type Simulator,
  type World,
} from '../../../src/engine/index.ts';
import { advanceRunningFunctionsSync, runPendingInvocationsSync } from '../../../src/sandbox/run-functions.ts';
import { nodeSandbox } from '../../../src/server/node-sandbox.ts';

const HOST = 'api.orbitalfreight.example';
const INITIAL_KEY = 'ofk_live_initial_key_0123456789';
const REFERENCE = readFileSync(join(import.meta.dirname, 'fixtures', 'api-key-rotation.js'), 'utf8');
const sandbox = nodeSandbox({ wallLimitMs: 300 });

interface Setup {
  sim: Simulator;
  secretArn: string;
  functionArn: string;
}

function world(sim: Simulator): World {
  return sim.state as World;
}

function setup(source: string = REFERENCE, options: { inVpc?: boolean; timeout?: number; seed?: string } = {}): Setup {
  const sim = createSimulator({ seed: options.seed ?? 'custom-rotation' });
  createPartnerApi(sim, { host: HOST, name: 'Orbital Freight', initialKey: INITIAL_KEY });
  const functionArn = deployRotationFunction(sim, {
    name: 'rotate-orbital-key',
    template: 'SecretsManagerRotationTemplate',
    inVpc: options.inVpc ?? false,
    source,
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  const created = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'vendors/orbital', secretString: JSON.stringify({ apiKey: INITIAL_KEY }) } });
  if (!created.ok) throw created.error;
  return { sim, secretArn: created.output.arn, functionArn };
}

function rotate(s: Setup, rules: Record<string, unknown> = { automaticallyAfterDays: 30 }) {
  return s.sim.call({ service: 'secretsmanager', operation: 'RotateSecret', input: { secretId: s.secretArn, rotationLambdaARN: s.functionArn, rotationRules: rules } });
}

function run(s: Setup) {
  return rotationState(world(s.sim)).runs[s.secretArn]!;
}

function currentKey(s: Setup): string {
  const out = s.sim.call<{ secretString: string }>({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: s.secretArn } });
  if (!out.ok) throw out.error;
  return (JSON.parse(out.output.secretString) as { apiKey: string }).apiKey;
}

function labels(s: Setup): string[][] {
  const out = s.sim.call<{ versions: { versionStages?: string[] }[] }>({ service: 'secretsmanager', operation: 'ListSecretVersionIds', input: { secretId: s.secretArn } });
  if (!out.ok) throw out.error;
  return out.output.versions.map((v) => v.versionStages ?? []);
}

const runFor = (s: Setup, ms: number) => advanceRunningFunctionsSync(s.sim, s.sim.now + ms, sandbox);

/** A handler whose step named in `failing` throws, and which otherwise does the generic rotation with Secrets Manager only. */
function handler(body: string): string {
  return `const sdk = require('@aws-sdk/client-secrets-manager');
const sm = new sdk.SecretsManagerClient({});
exports.handler = async (event) => {
${body}
};`;
}

describe('a learner-written rotation function', () => {
  it('waits as a pending invocation: plain time does not run it, and nothing about the secret changes', () => {
    const s = setup();
    expect(rotate(s).ok).toBe(true);
    s.sim.advance(MINUTE);
    const pending = pendingInvocations(world(s.sim));
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      step: 'createSecret',
      functionArn: s.functionArn,
      principalArn: expect.stringMatching(/^arn:aws:sts::\d{12}:assumed-role\/rotate-orbital-key-role\/rotate-orbital-key$/),
      event: { Step: 'createSecret', SecretId: s.secretArn, ClientRequestToken: run(s).token },
      routes: { secretsManager: true, internet: true },
    });
    expect(pending[0]!.event.RotationToken).toMatch(/^[a-zA-Z0-9-]{36,}$/);
    s.sim.advance(DAY);
    expect(run(s).state).toBe('createSecret');
    expect(run(s).steps).toHaveLength(0);
    expect(labels(s).flat().sort()).toEqual(['AWSCURRENT', 'AWSPENDING']);
  });

  it('runs the four steps in the sandbox through the pipeline and rotates the third-party key', () => {
    const s = setup();
    rotate(s);
    runFor(s, MINUTE);
    const done = run(s);
    expect(done.state).toBe('succeeded');
    expect(done.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['createSecret', 'succeeded'],
      ['setSecret', 'succeeded'],
      ['testSecret', 'succeeded'],
      ['finishSecret', 'succeeded'],
    ]);
    const key = currentKey(s);
    expect(key).not.toBe(INITIAL_KEY);
    const api = partnerApis(world(s.sim))[HOST]!;
    expect(activeKeys(api).map((k) => k.value).sort()).toEqual([INITIAL_KEY, key].sort());
    // Console lines and third-party calls are in the step log.
    expect(done.steps[1]!.logs).toContain('setSecret: registering the pending key');
    expect(done.steps[1]!.calls.filter((c) => c.service === HOST).map((c) => c.operation)).toEqual(['listKeys', 'addKey']);
    expect(done.steps[0]!.calls.map((c) => c.operation)).toEqual(['DescribeSecret', 'GetSecretValue', 'GetSecretValue', 'GetRandomPassword', 'PutSecretValue']);
    expect(done.steps[0]!.calls[2]).toMatchObject({ operation: 'GetSecretValue', errorCode: 'ResourceNotFoundException' });
  });

  it('makes its calls as the execution role session, with a Node.js SDK user agent, and is billed as Lambda', () => {
    const s = setup();
    rotate(s);
    runFor(s, MINUTE);
    const calls = world(s.sim).log.entries.filter((entry) => entry.kind === 'call' && entry.userAgent.includes('exec-env/AWS_Lambda_nodejs20.x'));
    expect(calls.length).toBeGreaterThanOrEqual(10);
    for (const entry of calls) {
      if (entry.kind !== 'call') continue;
      expect(entry.principal.arn).toMatch(/assumed-role\/rotate-orbital-key-role\/rotate-orbital-key$/);
    }
    const usage = Object.values(world(s.sim).usage).flatMap((byAccount) => Object.values(byAccount));
    expect(usage.reduce((n, meters) => n + (meters['lambda:Requests'] ?? 0), 0)).toBe(4);
  });

  it('takes virtual time from its calls: 120 ms plus 35 ms per Secrets Manager call and 90 ms per third-party call', () => {
    const s = setup();
    rotate(s);
    runFor(s, MINUTE);
    for (const step of run(s).steps) {
      const aws = step.calls.filter((c) => !c.service).length;
      const thirdParty = step.calls.length - aws;
      expect(step.endedAt - step.startedAt).toBe(120 + 35 * aws + 90 * thirdParty);
    }
  });

  it('is denied what its role does not allow, and the step fails with the AWS error', () => {
    const s = setup();
    const role = 'rotate-orbital-key-role';
    const put = s.sim.call({ service: 'iam', operation: 'DeleteRolePolicy', input: { roleName: role, policyName: 'SecretsManagerRotationPolicy' } });
    expect(put.ok).toBe(true);
    rotate(s);
    runFor(s, MINUTE);
    expect(run(s).state).toBe('failed');
    expect(run(s).failedStep).toBe('createSecret');
    expect(run(s).cause).toMatch(/^AccessDeniedException: User: arn:aws:sts::\d{12}:assumed-role\/rotate-orbital-key-role\/rotate-orbital-key is not authorized to perform: secretsmanager:DescribeSecret/);
  });

  it('fails the run when the handler throws, leaves AWSPENDING where it was, and records RotationFailed', () => {
    const s = setup(handler(`if (event.Step === 'setSecret') throw new Error('vendor said no'); if (event.Step === 'createSecret') {
  await sm.send(new sdk.PutSecretValueCommand({ SecretId: event.SecretId, ClientRequestToken: event.ClientRequestToken, SecretString: '{"apiKey":"x"}', VersionStages: ['AWSPENDING'] }));
}`));
    rotate(s);
    runFor(s, MINUTE);
    expect(run(s)).toMatchObject({ state: 'failed', failedStep: 'setSecret', cause: 'Error: vendor said no' });
    expect(labels(s).flat().sort()).toEqual(['AWSCURRENT', 'AWSPENDING']);
    const events = world(s.sim).log.entries.map((e) => (e.kind === 'service-event' ? e.eventName : ''));
    expect(events).toContain('RotationFailed');
  });

  it('reports a syntax error and a missing handler as Lambda names them', () => {
    const broken = setup('exports.handler = async (event) => { if (', {});
    rotate(broken);
    runFor(broken, MINUTE);
    expect(run(broken).cause).toMatch(/^Runtime\.UserCodeSyntaxError: SyntaxError: /);
    const missing = setup('exports.handle = async () => {};');
    rotate(missing);
    runFor(missing, MINUTE);
    expect(run(missing).cause).toBe('Runtime.HandlerNotFound: index.handler is undefined or not exported');
  });

  it('times out a handler that never returns, at the function Timeout, however little real time it had', () => {
    const s = setup(handler("console.log('before the loop'); while (true) {}"), { timeout: 12 });
    rotate(s);
    runFor(s, MINUTE);
    expect(run(s).state).toBe('failed');
    const step = run(s).steps[0]!;
    expect(step.outcome).toBe('timedOut');
    expect(step.cause).toBe('Task timed out after 12.00 seconds');
    expect(step.endedAt - step.startedAt).toBe(12_000);
    expect(step.logs).toEqual(['before the loop']);
  });

  it('times out a handler whose calls would take longer than its Timeout', () => {
    // 40 DescribeSecret calls take 120 + 40 * 35 = 1,520 virtual ms, past a 1-second Timeout.
    const s = setup(handler('for (let i = 0; i < 40; i++) await sm.send(new sdk.DescribeSecretCommand({ SecretId: event.SecretId }));'), { timeout: 1 });
    rotate(s);
    runFor(s, MINUTE);
    expect(run(s).steps[0]).toMatchObject({ outcome: 'timedOut', cause: 'Task timed out after 1.00 seconds' });
  });

  it('hangs on Secrets Manager when its VPC has no route there, and on the vendor when it has no route to the internet', () => {
    const noEndpoint = setup(REFERENCE, { inVpc: true });
    // deployRotationFunction gives a VPC function an interface endpoint; take it away.
    setFunctionNetwork(noEndpoint.sim, noEndpoint.functionArn, { secretsManagerRoute: 'none' });
    rotate(noEndpoint);
    runFor(noEndpoint, MINUTE);
    expect(run(noEndpoint).steps[0]).toMatchObject({ outcome: 'timedOut', cause: 'Task timed out after 30.00 seconds' });

    const endpointOnly = setup(REFERENCE, { inVpc: true });
    rotate(endpointOnly);
    runFor(endpointOnly, MINUTE);
    // createSecret talks only to Secrets Manager (through the endpoint); setSecret needs the vendor on the internet.
    expect(run(endpointOnly).steps.map((s) => s.outcome)).toEqual(['succeeded', 'timedOut']);
    expect(run(endpointOnly).steps[1]!.calls.at(-1)).toMatchObject({ service: HOST, operation: 'listKeys', errorCode: 'NoResponse' });
  });

  it('has no Node.js, no network and no other module inside the sandbox', () => {
    const probe = handler(`console.log(typeof process, typeof fetch, typeof setTimeout, typeof XMLHttpRequest, typeof globalThis.require);
let message = '';
try { require('fs'); } catch (e) { message = e.code + ' ' + e.message; }
console.log(message);
throw new Error('stop here');`);
    const s = setup(probe);
    rotate(s);
    runFor(s, MINUTE);
    expect(run(s).steps[0]!.logs).toEqual([
      'undefined undefined undefined undefined undefined',
      "MODULE_NOT_FOUND Cannot find module 'fs': the SecretsLab sandbox provides only @aws-sdk/client-secrets-manager and secretslab/partner-api",
    ]);
  });

  it('accepts ES module syntax and gives SDK-shaped outputs and errors', () => {
    const esm = `import { SecretsManagerClient, DescribeSecretCommand, GetSecretValueCommand, ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
const client = new SecretsManagerClient({});
export const handler = async (event) => {
  const meta = await client.send(new DescribeSecretCommand({ SecretId: event.SecretId }));
  console.log(meta.CreatedDate instanceof Date, meta.$metadata.httpStatusCode, meta.RotationEnabled);
  try {
    await client.send(new GetSecretValueCommand({ SecretId: 'no-such-secret' }));
  } catch (e) {
    console.log(e instanceof ResourceNotFoundException, e.name, e.$metadata.httpStatusCode, e.$fault);
  }
  throw new Error('done');
};`;
    const s = setup(esm);
    rotate(s);
    runFor(s, MINUTE);
    expect(run(s).steps[0]!.logs).toEqual(['true 200 true', 'true ResourceNotFoundException 400 client']);
  });

  it('accepts default, namespace and side-effect imports, and exports named anywhere in the module', () => {
    const esm = `import sdk, * as ns from '@aws-sdk/client-secrets-manager';
import * as partner from 'secretslab/partner-api';
import '@aws-sdk/client-secrets-manager';
import { DescribeSecretCommand as Describe } from '@aws-sdk/client-secrets-manager';
export { rotate as handler };
export function helper() { return 'helper'; }
async function rotate(event) {
  const client = new sdk.SecretsManagerClient({});
  const meta = await client.send(new Describe({ SecretId: event.SecretId }));
  console.log(typeof ns.GetSecretValueCommand, ns === sdk, typeof partner, helper(), meta.RotationEnabled);
  throw new Error('done');
}`;
    const s = setup(esm);
    rotate(s);
    runFor(s, MINUTE);
    expect(run(s).steps[0]!.logs).toEqual(['function true object helper true']);
    expect(run(s).steps[0]!.cause).toContain('done');
  });

  it('finds no handler when the module only has a default export, as Lambda does', () => {
    const s = setup(`export default async function handler() {}`);
    rotate(s);
    runFor(s, MINUTE);
    expect(run(s).steps[0]!.cause).toContain('Runtime.HandlerNotFound');
  });

  it('ignores a report for a run that was cancelled meanwhile', () => {
    const s = setup();
    rotate(s);
    s.sim.advance(MINUTE);
    const [pending] = pendingInvocations(world(s.sim));
    expect(pending).toBeDefined();
    expect(s.sim.call({ service: 'secretsmanager', operation: 'CancelRotateSecret', input: { secretId: s.secretArn } }).ok).toBe(true);
    expect(pendingInvocations(world(s.sim))).toEqual([]);
    const before = JSON.stringify(resourceState(world(s.sim)).services);
    completeInvocation(s.sim, { secretArn: s.secretArn, runId: pending!.runId, step: 'createSecret', outcome: 'succeeded', calls: [], logs: [] });
    expect(JSON.stringify(resourceState(world(s.sim)).services)).toBe(before);
    expect(run(s).state).toBe('cancelled');
  });

  it('survives a snapshot while a step waits, and finishes after loading', () => {
    const s = setup();
    rotate(s);
    s.sim.advance(MINUTE);
    const snapshot = s.sim.snapshot();
    const restored = { ...s, sim: createSimulator() };
    restored.sim.load(snapshot);
    expect(pendingInvocations(world(restored.sim))).toHaveLength(1);
    runPendingInvocationsSync(restored.sim, sandbox);
    runFor(restored, MINUTE);
    expect(run(restored).state).toBe('succeeded');
  });

  it('is deterministic: the same world and handler give the same resources', () => {
    const a = setup();
    const b = setup();
    for (const s of [a, b]) {
      rotate(s);
      runFor(s, 95 * DAY);
    }
    expect(JSON.stringify(resourceState(world(a.sim)))).toBe(JSON.stringify(resourceState(world(b.sim))));
  });

  it('runs on schedule: three windows, three successes, the vendor never holds more than two keys', () => {
    const s = setup();
    rotate(s);
    runFor(s, 91 * DAY);
    const history = [...(rotationState(world(s.sim)).history[s.secretArn] ?? []), run(s)];
    expect(history.filter((r) => r.state === 'succeeded').length).toBeGreaterThanOrEqual(4);
    const api = partnerApis(world(s.sim))[HOST]!;
    expect(activeKeys(api)).toHaveLength(2);
    expect(activeKeys(api).map((k) => k.value)).toContain(currentKey(s));
  });

  it('fails the waiting step when the function loses its code meanwhile, as an invoke of a missing handler fails', () => {
    const s = setup();
    rotate(s);
    s.sim.advance(MINUTE);
    deployFunctionCode(s.sim, s.functionArn, undefined);
    expect(pendingInvocations(world(s.sim))[0]!.unavailable).toBe('The function rotate-orbital-key no longer has code deployed from the editor');
    runFor(s, MINUTE);
    expect(run(s)).toMatchObject({ state: 'failed', failedStep: 'createSecret', cause: 'ResourceNotFoundException: The function rotate-orbital-key no longer has code deployed from the editor' });
  });

  it("can go back to the template, whose own code the engine runs: AWS's skeleton stops at setSecret", () => {
    const s = setup();
    deployFunctionCode(s.sim, s.functionArn, undefined);
    rotate(s);
    s.sim.advance(MINUTE);
    expect(pendingInvocations(world(s.sim))).toEqual([]);
    expect(run(s).state).toBe('failed');
    expect(run(s).steps.map((step) => step.step)).toEqual(['createSecret', 'setSecret']);
    expect(run(s).steps[1]!.cause).toMatch(/^NotImplementedError/);
  });

  it('keeps one AWSCURRENT and leaves nothing waiting under any mix of rotations, manual values, cancellations and failing handlers', () => {
    const action = fc.oneof(
      fc.constant({ kind: 'rotate' as const }),
      fc.constant({ kind: 'put' as const }),
      fc.constant({ kind: 'cancel' as const }),
      fc.boolean().map((failing) => ({ kind: 'code' as const, failing })),
      fc.integer({ min: 1, max: 40 }).map((days) => ({ kind: 'advance' as const, days })),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        const s = setup();
        for (const a of actions) {
          if (a.kind === 'rotate') rotate(s, { automaticallyAfterDays: 7 });
          else if (a.kind === 'put') s.sim.call({ service: 'secretsmanager', operation: 'PutSecretValue', input: { secretId: s.secretArn, secretString: JSON.stringify({ apiKey: INITIAL_KEY }) } });
          else if (a.kind === 'cancel') s.sim.call({ service: 'secretsmanager', operation: 'CancelRotateSecret', input: { secretId: s.secretArn } });
          else if (a.kind === 'code') deployFunctionCode(s.sim, s.functionArn, a.failing ? handler("throw new Error('broken');") : REFERENCE);
          else runFor(s, a.days * DAY);
          const stages = labels(s);
          expect(stages.filter((l) => l.includes('AWSCURRENT'))).toHaveLength(1);
          expect(stages.filter((l) => l.includes('AWSPENDING')).length).toBeLessThanOrEqual(1);
          if (a.kind === 'advance') expect(pendingInvocations(world(s.sim))).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  });
});
