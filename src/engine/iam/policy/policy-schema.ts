/**
 * The IAM JSON policy grammar ([ELEM] "Grammar of the IAM JSON policy language", spec section 5.1) as a zod
 * schema: the single source of the grammar. `parse.ts` checks documents against it and the editor gets its
 * JSON Schema (completion and hover) from `policyJsonSchema()`.
 *
 * The schema describes shapes only. Rules that span elements (exactly one of Action/NotAction, Principal
 * only in resource policies, valid operator names) are checked by `parse.ts` and `validator.ts`, which can
 * then report them with Access Analyzer's finding codes.
 */
import { z } from 'zod';
import { allOperatorNames } from './operators.ts';

/** `2012-10-17` enables policy variables; `2008-10-17` (also the default when omitted) does not [ELEM Version]. */
export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;

const stringOrList = (description: string) =>
  z.union([z.string(), z.array(z.string())]).describe(description);

/** Principal values: `"*"`, or an object keyed by principal type [ELEM Principal]. */
export const principalSchema = z
  .union([
    z.literal('*'),
    z.strictObject({
      AWS: stringOrList('Account ids, account root ARNs, IAM user, role or session ARNs, or "*"').optional(),
      Service: stringOrList('Service principals such as lambda.amazonaws.com').optional(),
      Federated: stringOrList('Identity providers (role trust policies only)').optional(),
      CanonicalUser: stringOrList('S3 canonical user ids (S3 only)').optional(),
    }),
  ])
  .describe('Who the statement applies to; only in resource-based policies, key policies and RCPs');

/** IAM stringifies numbers and booleans in condition values; Access Analyzer warns on type mismatches [ELEM]. */
const conditionScalar = z.union([z.string(), z.number(), z.boolean()]);
const conditionValues = z.union([conditionScalar, z.array(conditionScalar)]);

const operatorPattern = new RegExp(`^(${allOperatorNames().join('|')})$`);

export const conditionSchema = z
  .record(
    z.string().regex(operatorPattern).describe('Condition operator, e.g. StringEquals or ForAnyValue:StringLike'),
    z.record(z.string().describe('Condition key, e.g. aws:PrincipalArn'), conditionValues),
  )
  .describe('Operators AND together; keys under one operator AND; values for one key OR (NOR if negated)');

export const statementSchema = z.strictObject({
  Sid: z.string().describe('Statement id; IAM allows only [A-Za-z0-9]').optional(),
  Effect: z.enum(['Allow', 'Deny']).describe('Whether a matching statement allows or explicitly denies'),
  Principal: principalSchema.optional(),
  NotPrincipal: principalSchema
    .describe('Everyone except the listed principals; only with Deny (Allow with NotPrincipal is unsupported)')
    .optional(),
  Action: stringOrList('Actions (service:Name, case-insensitive, * and ? wildcards)').optional(),
  NotAction: stringOrList('Every action except these, including other services').optional(),
  Resource: stringOrList('Resource ARNs (case-sensitive, * and ? wildcards) or "*"').optional(),
  NotResource: stringOrList('Every resource except these').optional(),
  Condition: conditionSchema.optional(),
});

export const policyDocumentSchema = z
  .strictObject({
    Version: z.enum(POLICY_VERSIONS).describe('Use 2012-10-17; omitted means 2008-10-17 (no policy variables)').optional(),
    Id: z.string().describe('Optional policy identifier (not allowed in identity policies)').optional(),
    Statement: z.union([statementSchema, z.array(statementSchema)]).describe('One statement or a list of them'),
  })
  .describe('An IAM JSON policy document');

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type StatementDocument = z.infer<typeof statementSchema>;
export type PrincipalDocument = z.infer<typeof principalSchema>;

/** The JSON Schema the policy editor uses for completion, hover and structural markers. */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policyDocumentSchema) as Record<string, unknown>;
}
