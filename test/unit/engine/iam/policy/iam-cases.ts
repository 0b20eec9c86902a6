/**
 * Loads the cedar-style decision tables in content/iam-cases/*.json: each case gives policies, a request and
 * the expected decision with its key reasons. A policy may be written as a full document or, for brevity,
 * as a bare list of statements (wrapped in Version 2012-10-17).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  awsManagedSecretsManagerKeyPolicy,
  defaultKeyPolicy,
  policyFromDocument,
  type AuthorizationInput,
  type KeyStep,
  type NamedPolicy,
  type OrganizationLevel,
} from '../../../../../src/engine/iam/policy/index.ts';

export const CASES_DIR = join(import.meta.dirname, '../../../../../content/iam-cases');

const policyInput = z.union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.unknown())]);
const levels = z.array(z.object({ level: z.string(), policies: z.array(policyInput) }));
const contextValue = z.union([z.string(), z.array(z.string())]);
const requestSchema = z.object({
  principal: z.string(),
  roleArn: z.string().optional(),
  federatingUserArn: z.string().optional(),
  action: z.string(),
  resource: z.string(),
  resourceAccount: z.string(),
  context: z.record(z.string(), contextValue).optional(),
});
const keyPolicyInput = z.union([z.literal('default'), z.literal('aws-managed'), policyInput]);

const caseSchema = z.strictObject({
  name: z.string(),
  spec: z.string().optional(),
  policies: z
    .strictObject({
      identity: z.array(policyInput).optional(),
      boundary: policyInput.nullable().optional(),
      session: z.array(policyInput).optional(),
      scp: levels.optional(),
      rcp: levels.optional(),
      resource: policyInput.nullable().optional(),
      keyPolicy: keyPolicyInput.optional(),
    })
    .default({}),
  request: requestSchema.partial().default({}),
  kms: z
    .strictObject({
      keyArn: z.string(),
      keyPolicy: keyPolicyInput,
      action: z.string().optional(),
      context: z.record(z.string(), contextValue).optional(),
    })
    .optional(),
  expect: z.strictObject({
    decision: z.enum(['Allow', 'ExplicitDeny', 'ImplicitDeny']),
    /** Reason codes that must appear, in this order (others may be interleaved). */
    reasons: z.array(z.string()).default([]),
    denial: z.strictObject({ kind: z.enum(['explicit', 'implicit']), policyType: z.string() }).optional(),
    message: z.string().optional(),
    /** Labels (Sid or Statement[i]) of the deciding statements, in any order. */
    deciding: z.array(z.string()).optional(),
    /** For a KMS-chained case: which step decided (0 = service call, 1 = KMS call). */
    decidingStep: z.number().optional(),
  }),
});

export const caseFileSchema = z.strictObject({
  description: z.string(),
  defaults: z.strictObject({ request: requestSchema.partial().default({}) }).default({ request: {} }),
  cases: z.array(caseSchema).min(1),
});

export type IamCase = z.infer<typeof caseSchema>;
export type IamCaseFile = z.infer<typeof caseFileSchema>;

export function loadCaseFiles(): Array<{ file: string; content: IamCaseFile }> {
  return readdirSync(CASES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, content: caseFileSchema.parse(JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8'))) }));
}

function toPolicy(input: z.infer<typeof policyInput>, name: string): NamedPolicy {
  const document = Array.isArray(input) ? { Version: '2012-10-17', Statement: input } : input;
  return { name, policy: policyFromDocument(document) };
}

function keyPolicyOf(input: z.infer<typeof keyPolicyInput>, keyArn: string): NamedPolicy {
  const [, , , region = 'us-east-1', account = ''] = keyArn.split(':');
  if (input === 'default') return { name: 'default key policy', policy: defaultKeyPolicy(account) };
  if (input === 'aws-managed') return { name: 'aws/secretsmanager key policy', policy: awsManagedSecretsManagerKeyPolicy(account, region) };
  return toPolicy(input, 'key policy');
}

function toLevels(input: z.infer<typeof levels> | undefined, type: string): OrganizationLevel[] | undefined {
  return input?.map((level) => ({
    level: level.level,
    policies: level.policies.map((p, i) => toPolicy(p, `${type}:${level.level}:${i}`)),
  }));
}

export function buildInput(file: IamCaseFile, testCase: IamCase): { input: AuthorizationInput; key: KeyStep | undefined } {
  const request = requestSchema.parse({ ...file.defaults.request, ...testCase.request, context: { ...file.defaults.request.context, ...testCase.request.context } });
  const p = testCase.policies;
  const input: AuthorizationInput = {
    request,
    policies: {
      identity: (p.identity ?? []).map((doc, i) => toPolicy(doc, `identity:${i}`)),
      boundary: p.boundary ? toPolicy(p.boundary, 'boundary') : null,
      session: p.session ? p.session.map((doc, i) => toPolicy(doc, `session:${i}`)) : null,
      scp: toLevels(p.scp, 'scp') ?? [],
      rcp: toLevels(p.rcp, 'rcp') ?? [],
      resource: p.resource ? toPolicy(p.resource, 'resource policy') : null,
      keyPolicy: p.keyPolicy ? keyPolicyOf(p.keyPolicy, request.resource) : null,
    },
  };
  const key = testCase.kms
    ? {
        keyArn: testCase.kms.keyArn,
        keyPolicy: keyPolicyOf(testCase.kms.keyPolicy, testCase.kms.keyArn),
        ...(testCase.kms.action ? { action: testCase.kms.action } : {}),
        ...(testCase.kms.context ? { context: testCase.kms.context } : {}),
      }
    : undefined;
  return { input, key };
}
