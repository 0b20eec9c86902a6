import { expect } from 'vitest';
import { createSimulator, type CallRequest, type CallResult, type Simulator } from '../../../../src/engine/index.ts';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';

// Outputs are loosely typed in tests: each test asserts the shape it cares about.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Output = any;

export function newSim(): Simulator {
  return createSimulator();
}

export function ssm(sim: Simulator, operation: string, input: Record<string, unknown> = {}, extra: Partial<CallRequest> = {}): CallResult<Output> {
  return sim.call<Output>({ service: 'ssm', operation, input, ...extra });
}

export function call(sim: Simulator, service: string, operation: string, input: Record<string, unknown> = {}, extra: Partial<CallRequest> = {}): CallResult<Output> {
  return sim.call<Output>({ service, operation, input, ...extra });
}

export function ok(result: CallResult<Output>): Output {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.output;
}

export function fails(result: CallResult<Output>, code: string, message?: string | RegExp): void {
  expect(result.ok, result.ok ? `expected ${code}, got success` : '').toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  if (typeof message === 'string') expect(result.error.message).toBe(message);
  else if (message) expect(result.error.message).toMatch(message);
}

export function put(sim: Simulator, name: string, value: string, extra: Record<string, unknown> = {}, request: Partial<CallRequest> = {}): Output {
  return ok(ssm(sim, 'PutParameter', { name, value, type: 'String', ...extra }, request));
}

export function get(sim: Simulator, name: string, withDecryption = false, request: Partial<CallRequest> = {}): Output {
  return ok(ssm(sim, 'GetParameter', { name, withDecryption }, request)).parameter;
}
