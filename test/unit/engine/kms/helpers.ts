import { expect } from 'vitest';
import { createSimulator, type CallRequest, type CallResult, type Simulator } from '../../../../src/engine/index.ts';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const REGION = 'us-east-1';
export const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:user/admin`;

// Outputs are loosely typed in tests: each test asserts the exact shape it cares about.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Output = any;

export function newSim(): Simulator {
  return createSimulator();
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

/** Creates a customer managed key and returns its KeyMetadata. */
export function newKey(sim: Simulator, input: Record<string, unknown> = {}): Output {
  return ok(kms(sim, 'CreateKey', input)).keyMetadata;
}

export function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function text(data: Uint8Array): string {
  return String.fromCharCode(...data);
}
