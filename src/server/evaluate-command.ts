import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { iamPolicy } from '../engine/index.ts';

/**
 * `secretslab evaluate`: IAM policy decisions in bulk. Each stdin line is one request (the shape of issue 3,
 * section 4); each stdout line is its decision with the explanation the Policy Lab shows, or an error naming the
 * line. The pure part (`PolicyLineEvaluator`) turns one line into one result, so tests need no process.
 */

type ParsedPolicy = iamPolicy.ParsedPolicy;
type NamedPolicy = iamPolicy.NamedPolicy;
type AuthorizationResult = iamPolicy.AuthorizationResult;

const policyDocument = z.union([z.string(), z.record(z.string(), z.unknown())], {
  error: 'expected a policy document (a JSON object, or a string holding one)',
});
const organizationLevels = z.array(
  z.strictObject({
    level: z.enum(['root', 'ou', 'account']),
    policies: z.array(policyDocument),
  }),
);
const contextValues = z.record(z.string(), z.union([z.string(), z.array(z.string())], { error: 'expected a string or a list of strings' }));
const accountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit account id');
const actionName = z.string().regex(/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/, 'expected an action as service:Name, e.g. secretsmanager:GetSecretValue');

export const evaluateLineSchema = z.strictObject({
  policies: z
    .strictObject({
      identity: z.array(policyDocument).default([]),
      resource: policyDocument.nullable().default(null),
      scp: organizationLevels.default([]),
      rcp: organizationLevels.default([]),
      boundary: policyDocument.nullable().default(null),
      // One session policy as the issue writes it; a list is accepted for AssumeRole's inline plus managed ones.
      session: z.union([policyDocument, z.array(policyDocument)]).nullable().default(null),
    })
    .default({ identity: [], resource: null, scp: [], rcp: [], boundary: null, session: null }),
  request: z.strictObject({
    principal: z.string().min(1),
    action: actionName,
    resource: z.string().min(1),
    resourceAccount: accountId,
    context: contextValues.default({}),
  }),
  kms: z
    .strictObject({
      keyArn: z.string().regex(/^arn:[^:]+:kms:[^:]+:\d{12}:key\/.+$/, 'expected a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)'),
      keyPolicy: policyDocument.optional(),
      keyType: z.enum(['customer-managed', 'aws-managed']).default('customer-managed'),
      action: actionName.optional(),
      resourceAccount: accountId.optional(),
      context: contextValues.optional(),
    })
    .superRefine((kms, ctx) => {
      if (kms.keyType === 'customer-managed' && kms.keyPolicy === undefined) {
        ctx.addIssue({ code: 'custom', path: ['keyPolicy'], message: 'a customer managed key needs its keyPolicy' });
      }
      if (kms.keyType === 'aws-managed' && kms.keyPolicy !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['keyPolicy'], message: 'omit keyPolicy for an aws-managed key: AWS sets its policy (aws/secretsmanager)' });
      }
    })
    .optional(),
});

export type EvaluateLine = z.infer<typeof evaluateLineSchema>;

/** One statement as the trace shows it: whether it applied, and why not. */
function statementTrace(statement: iamPolicy.StatementResult) {
  const element = (result: iamPolicy.ElementResult | undefined) =>
    result ? { element: result.element, matched: result.matched, evaluated: result.evaluated, note: result.note, range: result.range ?? null } : null;
  return {
    label: statement.label,
    index: statement.index,
    effect: statement.effect,
    applies: statement.applies,
    failed: statement.failed,
    range: statement.range,
    action: element(statement.action),
    resource: element(statement.resource),
    principal: statement.principal ? { ...element(statement.principal), kind: statement.principal.kind ?? null } : null,
    conditions: statement.conditions.map((condition) => ({
      operator: condition.operator,
      key: condition.key,
      matched: condition.matched,
      outcome: condition.outcome,
      requestValues: condition.requestValues ?? null,
      policyValues: condition.policyValues,
      unresolvedVariables: condition.unresolvedVariables,
      range: condition.range,
    })),
  };
}

function statementRef(ref: iamPolicy.StatementRef) {
  return { policyType: ref.policyType, policyName: ref.policyName, level: ref.level ?? null, label: ref.label, index: ref.index, effect: ref.effect, range: ref.range };
}

/** The explanation of one authorization: everything the Policy Lab shows beside a decision. */
export function explanationOf(result: AuthorizationResult) {
  return {
    text: result.explanation,
    message: result.message ?? null,
    crossAccount: result.crossAccount,
    denial: result.denial ?? null,
    reasons: result.reasons.map((reason) => ({
      code: reason.code,
      policyType: reason.policyType ?? null,
      message: reason.message,
      statements: reason.statements.map(statementRef),
    })),
    deciding: result.deciding.map(statementRef),
    policies: result.policies.map((policy) => ({
      policyType: policy.policyType,
      name: policy.name,
      level: policy.level ?? null,
      outcome: policy.outcome,
      statements: policy.statements.map(statementTrace),
    })),
  };
}

export type EvaluateOutput =
  | { decision: iamPolicy.Decision; explanation: ReturnType<typeof explanationOf> & { steps?: Array<{ action: string; resource: string; decision: iamPolicy.Decision } & ReturnType<typeof explanationOf>> } }
  | { line: number; error: string };

class LineError extends Error {}

const PARSE_CACHE_LIMIT = 10_000;

/**
 * Turns lines into results. Policies are parsed once per distinct text and remembered (a batch repeats the same
 * few policies across thousands of requests); a policy given as an object is parsed from its two-space
 * pretty-printed JSON, which is also the text its trace ranges refer to.
 */
export class PolicyLineEvaluator {
  private readonly parsed = new Map<string, { policy: ParsedPolicy } | { problems: iamPolicy.PolicyProblem[] }>();
  private readonly managedKeyPolicies = new Map<string, ParsedPolicy>();

  /** How many distinct policy texts have been parsed and remembered. */
  get cachedPolicies(): number {
    return this.parsed.size;
  }

  /** The result for one line (1-based `lineNumber`, for error messages); never throws for bad input. */
  evaluate(text: string, lineNumber: number): EvaluateOutput {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { line: lineNumber, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    const checked = evaluateLineSchema.safeParse(json);
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(line)'}: ${issue.message}`);
      return { line: lineNumber, error: problems.join('; ') };
    }
    try {
      return this.decide(checked.data);
    } catch (error) {
      if (error instanceof LineError) return { line: lineNumber, error: error.message };
      throw error;
    }
  }

  private decide(line: EvaluateLine): EvaluateOutput {
    const { policies, request } = line;
    const input: iamPolicy.AuthorizationInput = {
      request: {
        principal: request.principal,
        action: request.action,
        resource: request.resource,
        resourceAccount: request.resourceAccount,
        context: request.context,
      },
      policies: {
        identity: policies.identity.map((doc, i) => this.named(doc, `identity:${i}`, `policies.identity.${i}`)),
        boundary: policies.boundary === null ? null : this.named(policies.boundary, 'boundary', 'policies.boundary'),
        session:
          policies.session === null
            ? null
            : (Array.isArray(policies.session) ? policies.session : [policies.session]).map((doc, i, all) =>
                this.named(doc, all.length === 1 ? 'session' : `session:${i}`, `policies.session${Array.isArray(policies.session) ? `.${i}` : ''}`),
              ),
        scp: this.levels(policies.scp, 'scp'),
        rcp: this.levels(policies.rcp, 'rcp'),
      },
    };
    if (policies.resource !== null) {
      // A KMS key's resource-based policy is its key policy, with the key-policy rules [KMS-KP].
      const isKey = /^arn:[^:]+:kms:/.test(request.resource);
      const named = this.named(policies.resource, isKey ? 'key policy' : 'resource policy', 'policies.resource');
      if (isKey) input.policies.keyPolicy = named;
      else input.policies.resource = named;
    }
    this.checkPrincipal(request.principal);

    if (!line.kms) {
      const result = iamPolicy.authorize(input);
      return { decision: result.decision, explanation: explanationOf(result) };
    }
    const kms = line.kms;
    const keyAccount = kms.resourceAccount ?? kms.keyArn.split(':')[4] ?? request.resourceAccount;
    const keyPolicy =
      kms.keyType === 'aws-managed'
        ? { name: 'aws/secretsmanager key policy', policy: this.awsManagedKeyPolicy(keyAccount, kms.keyArn.split(':')[3] ?? '') }
        : this.named(kms.keyPolicy as z.infer<typeof policyDocument>, 'key policy', 'kms.keyPolicy');
    const key: iamPolicy.KeyStep = { keyArn: kms.keyArn, keyPolicy, resourceAccount: keyAccount };
    if (kms.action) key.action = kms.action;
    if (kms.context) key.context = kms.context;
    const result = iamPolicy.authorizeThroughKey(input, key);
    const stepRequests = [
      { action: request.action, resource: request.resource },
      { action: kms.action ?? 'kms:Decrypt', resource: kms.keyArn },
    ];
    return {
      decision: result.decision,
      explanation: {
        ...explanationOf(result),
        steps: result.steps.map((step, i) => ({ ...(stepRequests[i] as { action: string; resource: string }), decision: step.decision, ...explanationOf(step) })),
      },
    };
  }

  /** The authorizer throws on a principal it cannot describe; say so as a problem with the line instead. */
  private checkPrincipal(principal: string): void {
    try {
      iamPolicy.describeCaller(principal);
    } catch (error) {
      throw new LineError(`request.principal: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private levels(levels: EvaluateLine['policies']['scp'], type: 'scp' | 'rcp'): iamPolicy.OrganizationLevel[] {
    // Nested OUs are all "ou": number repeated levels so each needs its own Allow, as in AWS.
    const counts = new Map<string, number>();
    for (const level of levels) counts.set(level.level, (counts.get(level.level) ?? 0) + 1);
    const seen = new Map<string, number>();
    return levels.map((level, li) => {
      const nth = (seen.get(level.level) ?? 0) + 1;
      seen.set(level.level, nth);
      const name = (counts.get(level.level) ?? 0) > 1 ? `${level.level} #${nth}` : level.level;
      return { level: name, policies: level.policies.map((doc, i) => this.named(doc, `${type}:${name}:${i}`, `policies.${type}.${li}.policies.${i}`)) };
    });
  }

  private named(document: z.infer<typeof policyDocument>, name: string, path: string): NamedPolicy {
    const text = typeof document === 'string' ? document : JSON.stringify(document, null, 2);
    let parsed = this.parsed.get(text);
    if (!parsed) {
      const result = iamPolicy.parsePolicy(text);
      parsed = result.ok ? { policy: result.policy } : { problems: result.problems };
      if (this.parsed.size >= PARSE_CACHE_LIMIT) this.parsed.clear();
      this.parsed.set(text, parsed);
    }
    if ('problems' in parsed) {
      const problems = parsed.problems.map((p) => `${p.code} at ${p.range.line}:${p.range.column} (${p.message})`);
      throw new LineError(`${path}: not a valid policy: ${problems.join('; ')}`);
    }
    return { name, policy: parsed.policy };
  }

  private awsManagedKeyPolicy(account: string, region: string): ParsedPolicy {
    const cacheKey = `${account}:${region}`;
    let policy = this.managedKeyPolicies.get(cacheKey);
    if (!policy) {
      policy = iamPolicy.awsManagedSecretsManagerKeyPolicy(account, region);
      this.managedKeyPolicies.set(cacheKey, policy);
    }
    return policy;
  }
}

function drained(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      output.off('error', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
    output.on('error', done);
  });
}

export interface EvaluateSummary {
  lines: number;
  bad: number;
}

/**
 * Reads JSON lines from `input` and writes one JSON line per non-blank input line to `output`, in order, each as
 * soon as it is decided. Blank lines are skipped (line numbers still count them). Stops early, without error, if
 * the output is closed (`secretslab evaluate | head`).
 */
export async function runEvaluate(input: Readable, output: Writable): Promise<EvaluateSummary> {
  const evaluator = new PolicyLineEvaluator();
  const summary: EvaluateSummary = { lines: 0, bad: 0 };
  let closed = false;
  const onError = () => {
    closed = true;
  };
  output.on('error', onError);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const text of lines) {
      lineNumber++;
      if (text.trim() === '') continue;
      if (closed) break;
      const result = evaluator.evaluate(text, lineNumber);
      summary.lines++;
      if ('error' in result) summary.bad++;
      if (!output.write(`${JSON.stringify(result)}\n`)) await drained(output);
    }
  } finally {
    lines.close();
    output.off('error', onError);
  }
  return summary;
}
