import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulator, deployRotationFunction, rotationState, setFunctionNetwork, type PendingInvocation, type World } from '../../../src/engine/index.ts';
import type { Bridge } from '../../../src/sandbox/bridge.ts';
import { advanceRunningFunctions } from '../../../src/sandbox/run-functions.ts';
import { parseOutcome, workerSandbox, type WorkerLike } from '../../../src/sandbox/worker-sandbox.ts';
import { GENERIC_HANDLER } from '../../../src/ui/features/rotation/handler-skeletons.ts';
import { InProcessWorker } from './in-process-worker.ts';

const INITIAL_KEY = 'ak_initial_0123456789abcdefghij';

function setup(source: string, options: { inVpc?: boolean; timeout?: number } = {}) {
  const sim = createSimulator({ seed: 'worker-sandbox' });
  const functionArn = deployRotationFunction(sim, { name: 'rotate-api-key', template: 'SecretsManagerRotationTemplate', inVpc: options.inVpc ?? false, source, ...(options.timeout ? { timeout: options.timeout } : {}) });
  const created = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'partner/api-key', secretString: JSON.stringify({ apiKey: INITIAL_KEY }) } });
  if (!created.ok) throw created.error;
  const rotated = sim.call({ service: 'secretsmanager', operation: 'RotateSecret', input: { secretId: created.output.arn, rotationLambdaARN: functionArn, rotationRules: { automaticallyAfterDays: 30 } } });
  if (!rotated.ok) throw rotated.error;
  const run = () => rotationState(sim.state as World).runs[created.output.arn]!;
  return { sim, functionArn, secretArn: created.output.arn, run };
}

/** A worker that never finishes (an endless loop, as far as the page can tell), after printing `printed`. */
class SilentWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = 0;
  constructor(private readonly printed: string[] = []) {}
  postMessage(): void {
    for (const line of this.printed) this.onmessage?.({ data: { type: 'log', line } } as MessageEvent);
  }
  terminate(): void {
    this.terminated++;
  }
}

const invocation = (timeoutSeconds: number) => ({ source: '', event: {}, timeoutSeconds, functionArn: 'arn', functionName: 'f', memorySize: 128, runId: 1, step: 'createSecret' }) as unknown as PendingInvocation;
const idleBridge: Bridge = { calls: [], hung: false, answer: () => '{}' };

afterEach(() => {
  vi.useRealTimers();
});

describe('workerSandbox', () => {
  it('runs the generic handler through the worker protocol: the four steps, its console lines, AWSCURRENT moves', async () => {
    const workers: InProcessWorker[] = [];
    const seen: string[] = [];
    const sandbox = workerSandbox({
      createWorker: () => {
        const worker = new InProcessWorker();
        workers.push(worker);
        return worker;
      },
      onRun: (inv, running) => seen.push(`${inv.step}:${running ? 'start' : 'end'}`),
    });
    const s = setup(GENERIC_HANDLER);
    await advanceRunningFunctions(s.sim, s.sim.now + 60_000, sandbox);
    expect(s.run().state).toBe('succeeded');
    expect(s.run().steps.map((step) => [step.step, step.outcome])).toEqual([
      ['createSecret', 'succeeded'],
      ['setSecret', 'succeeded'],
      ['testSecret', 'succeeded'],
      ['finishSecret', 'succeeded'],
    ]);
    expect(s.run().steps[0]!.logs![0]).toMatch(/^createSecret: new key ending \w{4} stored as AWSPENDING$/);
    expect(s.run().steps[3]!.calls.map((c) => c.operation)).toEqual(['DescribeSecret', 'UpdateSecretVersionStage']);
    // A fresh worker per invocation, each ended once.
    expect(workers).toHaveLength(4);
    expect(workers.map((w) => w.terminated)).toEqual([1, 1, 1, 1]);
    expect(seen).toEqual(['createSecret:start', 'createSecret:end', 'setSecret:start', 'setSecret:end', 'testSecret:start', 'testSecret:end', 'finishSecret:start', 'finishSecret:end']);
    const current = s.sim.call<{ secretString: string }>({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: s.secretArn } });
    expect(current.ok && (JSON.parse(current.output.secretString) as { apiKey: string }).apiKey).not.toBe(INITIAL_KEY);
  });

  it('a request with no network route ends the worker at once: the step timed out, with the lines printed before', async () => {
    const workers: InProcessWorker[] = [];
    const source = `const sdk = require('@aws-sdk/client-secrets-manager');
exports.handler = async (event) => {
  console.log('calling DescribeSecret for', event.Step);
  await new sdk.SecretsManagerClient({}).send(new sdk.DescribeSecretCommand({ SecretId: event.SecretId }));
  console.log('never printed');
};`;
    const s = setup(source, { inVpc: true });
    setFunctionNetwork(s.sim, s.functionArn, { secretsManagerRoute: 'none' });
    const sandbox = workerSandbox({ createWorker: () => workers[workers.push(new InProcessWorker()) - 1]! });
    await advanceRunningFunctions(s.sim, s.sim.now + 60_000, sandbox);
    expect(s.run().steps[0]).toMatchObject({ step: 'createSecret', outcome: 'timedOut', cause: 'Task timed out after 30.00 seconds', logs: ['calling DescribeSecret for createSecret'] });
    expect(workers[0]!.terminated).toBe(1);
    // The hung request got no answer back into the worker.
    expect(workers[0]!.received.map((m) => m.type)).toEqual(['run']);
  });

  it('a worker that never finishes is ended after min(Timeout, wall limit) of real time', async () => {
    vi.useFakeTimers();
    const worker = new SilentWorker(['starting the loop']);
    const sandbox = workerSandbox({ wallLimitMs: 5000, createWorker: () => worker });
    let outcome: unknown;
    void sandbox(invocation(3), idleBridge).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(2999);
    expect(outcome).toBeUndefined();
    expect(worker.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toEqual({ outcome: 'timedOut', logs: ['starting the loop'] });
    expect(worker.terminated).toBe(1);

    const slow = new SilentWorker();
    let capped: unknown;
    void workerSandbox({ wallLimitMs: 5000, createWorker: () => slow })(invocation(900), idleBridge).then((o) => (capped = o));
    await vi.advanceTimersByTimeAsync(5000);
    expect(capped).toEqual({ outcome: 'timedOut', logs: [] });
  });

  it('a worker that fails to load reports a runtime error', async () => {
    const worker = new SilentWorker();
    const pending = workerSandbox({ createWorker: () => worker })(invocation(3), idleBridge);
    worker.onerror?.({ message: 'SyntaxError: Unexpected token', preventDefault: () => {} } as ErrorEvent);
    expect(await pending).toEqual({ outcome: 'failed', errorType: 'Runtime.Error', errorMessage: 'SyntaxError: Unexpected token', logs: [] });
    expect(worker.terminated).toBe(1);
  });
});

describe('parseOutcome', () => {
  it('keeps what the runtime reports and refuses anything else', () => {
    expect(parseOutcome('{"outcome":"failed","errorType":"ReferenceError","errorMessage":"fetch is not defined","logs":["a",1]}')).toEqual({
      outcome: 'failed',
      errorType: 'ReferenceError',
      errorMessage: 'fetch is not defined',
      logs: ['a', '1'],
    });
    expect(parseOutcome('{"outcome":"succeeded","logs":[]}')).toEqual({ outcome: 'succeeded', logs: [] });
    for (const junk of ['not json', '{"outcome":"maybe"}', 'null', undefined]) {
      expect(parseOutcome(junk)).toMatchObject({ outcome: 'failed', errorType: 'Runtime.Error' });
    }
  });
});
