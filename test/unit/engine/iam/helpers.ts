import { expect } from 'vitest';
import { createSimulator, type CallRequest, type CallResult, type Simulator } from '../../../../src/engine/index.ts';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const OTHER_ADMIN = { principalArn: `arn:aws:iam::${OTHER_ACCOUNT}:user/admin` };

// Outputs are loosely typed in tests: each test asserts the exact shape it cares about.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Output = any;

export function newSim(): Simulator {
  return createSimulator();
}

export function iam(sim: Simulator, operation: string, input: Record<string, unknown> = {}, extra: Partial<CallRequest> = {}): CallResult<Output> {
  return sim.call<Output>({ service: 'iam', operation, input, ...extra });
}

export function sts(sim: Simulator, operation: string, input: Record<string, unknown> = {}, extra: Partial<CallRequest> = {}): CallResult<Output> {
  return sim.call<Output>({ service: 'sts', operation, input, ...extra });
}

export function sm(sim: Simulator, operation: string, input: Record<string, unknown> = {}, extra: Partial<CallRequest> = {}): CallResult<Output> {
  return sim.call<Output>({ service: 'secretsmanager', operation, input, ...extra });
}

export function kms(sim: Simulator, operation: string, input: Record<string, unknown> = {}, extra: Partial<CallRequest> = {}): CallResult<Output> {
  return sim.call<Output>({ service: 'kms', operation, input, ...extra });
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

export function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export const allow = (action: string | string[], resource: string | string[] = '*') => ({ Effect: 'Allow', Action: action, Resource: resource });

/** A trust policy letting the given AWS principals call sts:AssumeRole, with optional conditions. */
export function trust(principal: string | string[], condition?: Record<string, unknown>, action: string | string[] = 'sts:AssumeRole'): string {
  return policy({ Effect: 'Allow', Principal: { AWS: principal }, Action: action, ...(condition ? { Condition: condition } : {}) });
}

/** Creates a user with an access key; returns the key's caller reference. */
export function userWithKey(sim: Simulator, userName: string, extra: Partial<CallRequest> = {}): { accessKeyId: string } {
  ok(iam(sim, 'CreateUser', { userName }, extra));
  const key = ok(iam(sim, 'CreateAccessKey', { userName }, extra)).accessKey;
  return { accessKeyId: key.accessKeyId };
}
