import { expect } from 'vitest';
import {
  createSimulator,
  simulatorParts,
  Simulator,
  type CallRequest,
  type CallResult,
} from '../../../../src/engine/index.ts';
import { checkPolicyDocument } from '../../../../src/engine/iam/index.ts';
import { kmsPort } from '../../../../src/engine/kms/index.ts';
import { createSecretsModule, type RotationPort } from '../../../../src/engine/secrets/index.ts';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const REGION = 'us-east-1';
export const REPLICA_REGION = 'us-west-2';
export const OTHER_ADMIN = { principalArn: `arn:aws:iam::${OTHER_ACCOUNT}:user/admin` };

export const NOT_FOUND = "Secrets Manager can't find the specified secret.";
export const INVALID_NAME =
  'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!';
export const MARKED_FOR_DELETION = "You can't perform this operation on the secret because it was marked for deletion.";
export const MISSING_TOKEN = 'You must provide a ClientRequestToken value. We recommend a UUID-type value.';
export const BOTH_VALUES = "You can't specify both a binary secret value and a string secret value in the same secret.";
export const stageNotFound = (stage: string) => `Secrets Manager can't find the specified secret value for staging label: ${stage}`;
export const versionNotFound = (id: string) => `Secrets Manager can't find the specified secret value for VersionId: ${id}`;
export const tokenInUse = (token: string, arn: string) =>
  `You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${arn}.`;

// Outputs are loosely typed in tests: each test asserts the exact shape it cares about.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Output = any;

export function newSim(): Simulator {
  return createSimulator();
}

export interface FakeRotation extends RotationPort {
  invokable: Set<string>;
  started: { secretArn: string; token: string; rotateImmediately: boolean }[];
}

/** A simulator with a stand-in rotation engine: the named functions can be invoked, and starts are recorded. */
export function rotationSim(functionArns: string[], options: { createPendingVersion?: boolean } = {}): { sim: Simulator; rotation: FakeRotation } {
  const rotation: FakeRotation = {
    invokable: new Set(functionArns),
    started: [],
    canInvoke(_ctx, arn) {
      return this.invokable.has(arn);
    },
    start(ctx, secret, token, rotateImmediately) {
      this.started.push({ secretArn: secret.arn, token, rotateImmediately });
      // What a rotation run starts with (reference §2.5): an empty version, id = token, labelled AWSPENDING.
      if (options.createPendingVersion) secret.versions[token] = { versionId: token, createdDate: ctx.now, stages: ['AWSPENDING'] };
    },
  };
  const parts = simulatorParts();
  const policies = { check: (document: string) => checkPolicyDocument(document, 'secret') };
  parts.services = parts.services.map((m) => (m.name === 'secretsmanager' ? createSecretsModule({ kms: kmsPort, rotation, policies }) : m));
  return { sim: Simulator.create(parts), rotation };
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

export function fails(result: CallResult<Output>, code: string | readonly string[], message?: string | RegExp): void {
  expect(result.ok, result.ok ? `expected ${String(code)}, got success` : '').toBe(false);
  if (result.ok) return;
  if (typeof code === 'string') expect(result.error.code).toBe(code);
  else expect(code).toContain(result.error.code);
  if (typeof message === 'string') expect(result.error.message).toBe(message);
  else if (message) expect(result.error.message).toMatch(message);
}

/** A ClientRequestToken / VersionId (32..64 characters), distinct per n. */
export function token(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}

/** Creates a secret (with a string value; null for none, e.g. to pass SecretBinary in `extra`) and returns CreateSecret's output. */
export function create(sim: Simulator, name: string, value: string | null = 'v1', extra: Record<string, unknown> = {}, request: Partial<CallRequest> = {}): Output {
  return ok(sm(sim, 'CreateSecret', { name, ...(value !== null ? { secretString: value } : {}), ...extra }, request));
}

export function put(sim: Simulator, secretId: string, value: string, extra: Record<string, unknown> = {}, request: Partial<CallRequest> = {}): Output {
  return ok(sm(sim, 'PutSecretValue', { secretId, secretString: value, ...extra }, request));
}

export function describe_(sim: Simulator, secretId: string, request: Partial<CallRequest> = {}): Output {
  return ok(sm(sim, 'DescribeSecret', { secretId }, request));
}

export function getValue(sim: Simulator, secretId: string, extra: Record<string, unknown> = {}, request: Partial<CallRequest> = {}): Output {
  return ok(sm(sim, 'GetSecretValue', { secretId, ...extra }, request));
}

/** VersionId -> labels, as DescribeSecret reports them (deprecated versions left out). */
export function stages(sim: Simulator, secretId: string): Record<string, string[]> {
  const map = (describe_(sim, secretId).versionIdsToStages ?? {}) as Record<string, string[]>;
  return Object.fromEntries(Object.entries(map).map(([id, labels]) => [id, [...labels].sort()]));
}

export function names(list: { name: string }[]): string[] {
  return list.map((s) => s.name);
}

/** Creates a customer managed key and returns its KeyMetadata. */
export function newKey(sim: Simulator, input: Record<string, unknown> = {}, request: Partial<CallRequest> = {}): Output {
  return ok(kms(sim, 'CreateKey', input, request)).keyMetadata;
}

export function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}
