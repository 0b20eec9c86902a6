/**
 * One policy against one request (cedar's evaluator): for every statement, whether it applies and why not.
 * A statement applies when its action block, resource block, principal block and every condition match
 * (spec section 1 [ELEM]). Combining policies into a decision is the authorizer's job.
 */
import { arnComponentsMemo, arnMatch, arnMatchParts, testArn } from './glob.ts';
import type { ParsedPolicy, ParsedStatement, Located } from './policy-model.ts';
import { variablesEnabled } from './policy-model.ts';
import type { SourceRange } from './source-range.ts';
import type { Caller, ContextKeys } from './request-context.ts';
import { evaluateCondition } from './conditions.ts';
import type { ConditionResult } from './conditions.ts';
import { matchPrincipalElement } from './principal-match.ts';
import type { PrincipalMatchKind } from './principal-match.ts';
import { arnComponents } from './glob.ts';
import { substitute } from './variables.ts';
import { compiledStatement } from './compiled-statement.ts';
import { keepEvaluation, recentEvaluations, repeatOf, sightingOf, watching } from './last-evaluation.ts';
import type { CompiledStatement } from './compiled-statement.ts';

export interface EvaluationRequest {
  caller: Caller;
  /** `service:Name`. */
  action: string;
  /** The resource ARN, or `*` for actions with no resource type (ListSecrets, GetRandomPassword, ...). */
  resource: string;
  context: ContextKeys;
  /** NotPrincipal with Deny always applies to a principal with a permissions boundary [ELEM]. */
  hasPermissionsBoundary: boolean;
}

export interface EvaluationOptions {
  /**
   * Resource-based policies, key policies and RCPs say whom they apply to: a statement without
   * Principal/NotPrincipal there applies to nobody. Identity policies, boundaries, session policies and
   * SCPs apply to their principal and have no principal block.
   */
  principalRequired: boolean;
}

export type ElementName = 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal' | 'Condition';

export interface ElementResult {
  element: ElementName;
  matched: boolean;
  /** False when an earlier element already failed and this one was not looked at. */
  evaluated: boolean;
  /** The entry that matched (for Not* elements: the entry that excluded the request). */
  entry: Located | undefined;
  note: string;
  range: SourceRange | undefined;
}

export interface PrincipalResult extends ElementResult {
  kind: PrincipalMatchKind | undefined;
}

export interface StatementResult {
  index: number;
  sid: string | undefined;
  /** `Sid` if present, else `Statement[index]`; how the explanation names the statement. */
  label: string;
  effect: 'Allow' | 'Deny';
  applies: boolean;
  /** The elements that did not match, in evaluation order. */
  failed: ElementName[];
  action: ElementResult;
  resource: ElementResult;
  principal: PrincipalResult | undefined;
  conditions: ConditionResult[];
  range: SourceRange;
}

export interface PolicyEvaluation {
  statements: StatementResult[];
  allows: StatementResult[];
  denies: StatementResult[];
}

export function statementLabel(statement: ParsedStatement): string {
  return statement.sid?.value ? statement.sid.value : `Statement[${statement.index}]`;
}

/** What every statement of a policy compares against, worked out once per policy evaluation. */
export interface RequestFacts {
  /** `arnComponents(resource)`; shared, never to be modified. */
  resourceParts: readonly string[] | undefined;
}

export function requestFacts(request: EvaluationRequest): RequestFacts {
  return { resourceParts: arnComponentsMemo(request.resource) };
}

export function evaluatePolicy(policy: ParsedPolicy, request: EvaluationRequest, options: EvaluationOptions, facts: RequestFacts = requestFacts(request)): PolicyEvaluation {
  const variables = variablesEnabled(policy);
  const all = policy.statements;
  const first = all.length > 0 ? compiledStatement(all[0] as ParsedStatement, variables) : undefined;
  const kept = first && recentEvaluations(policy, first, variables);
  const look = kept !== undefined && watching(kept);
  const seen = look ? sightingOf(kept, request, options) : undefined;
  const repeated = seen && repeatOf(kept!, seen, request);
  if (repeated) return repeated;
  const statements: StatementResult[] = [];
  const allows: StatementResult[] = [];
  const denies: StatementResult[] = [];
  for (let i = 0; i < all.length; i++) {
    const statement = all[i] as ParsedStatement;
    const result = evaluateStatement(statement, request, options, variables, facts, i === 0 ? first : undefined);
    statements.push(result);
    if (result.applies) (result.effect === 'Allow' ? allows : denies).push(result);
  }
  const evaluation = { statements, allows, denies };
  if (look) keepEvaluation(kept, seen, request, options, evaluation);
  return evaluation;
}

function notEvaluated(element: ElementName, range: SourceRange | undefined): ElementResult {
  return { element, matched: false, evaluated: false, entry: undefined, note: 'not evaluated: an earlier element did not match', range };
}

export function evaluateStatement(
  statement: ParsedStatement,
  request: EvaluationRequest,
  options: EvaluationOptions,
  variables: boolean,
  facts: RequestFacts = requestFacts(request),
  known?: CompiledStatement,
): StatementResult {
  const compiled = known ?? compiledStatement(statement, variables);
  const action = matchAction(statement, compiled, request.action);
  if (!action.matched) {
    // Most statements of a policy are about other actions; stop early so evaluation stays cheap. Such a result
    // depends on the action alone, so it is remembered per action like the Action result.
    const skipped = compiled.skippedResults.get(request.action);
    if (skipped) return skipped;
    const result: StatementResult = {
      index: statement.index,
      sid: statement.sid?.value,
      label: compiled.label,
      effect: statement.effect.value,
      applies: false,
      failed: Object.freeze([action.element]) as ElementName[],
      action,
      resource: compiled.resourceNotEvaluated ?? (compiled.resourceNotEvaluated = Object.freeze(notEvaluated(statement.resource?.element ?? 'Resource', statement.resource?.range))),
      principal: undefined,
      conditions: Object.freeze([]) as unknown as ConditionResult[],
      range: statement.range,
    };
    if (compiled.skippedResults.size < ELEMENT_MEMO_LIMIT) compiled.skippedResults.set(request.action, Object.freeze(result));
    return result;
  }
  const failed: ElementName[] = [];
  const resource = matchResource(statement, compiled, request, variables, facts);
  if (!resource.matched) failed.push(resource.element);
  const principal = matchPrincipalBlock(statement, compiled, request, options);
  if (principal && !principal.matched) failed.push(principal.element);
  const conditions: ConditionResult[] = [];
  let conditionFailed = false;
  for (let i = 0; i < statement.conditions.length; i++) {
    const condition = evaluateCondition(statement.conditions[i] as ParsedStatement['conditions'][number], request.context, variables, compiled.conditions[i]);
    if (!condition.matched) conditionFailed = true;
    conditions.push(condition);
  }
  if (conditionFailed) failed.push('Condition');
  // Built in one go, fields in the order the trace has always listed them.
  return {
    index: statement.index,
    sid: statement.sid?.value,
    label: compiled.label,
    effect: statement.effect.value,
    applies: failed.length === 0,
    failed,
    action,
    resource,
    principal,
    conditions,
    range: statement.range,
  };
}

/**
 * How many distinct actions (and resources) a statement remembers its element results for. The Action and Resource
 * results depend only on the statement and the action (resource) text, so they are built once and shared, frozen,
 * between the traces of later requests.
 */
const ELEMENT_MEMO_LIMIT = 256;

function remember(memo: Map<string, ElementResult>, key: string, result: ElementResult): ElementResult {
  // Once full, a memo keeps what it has: a workload of many distinct requests then costs one failed look-up per
  // statement, rather than a stream of inserts and clears.
  if (memo.size < ELEMENT_MEMO_LIMIT) memo.set(key, Object.freeze(result));
  return result;
}

function matchAction(statement: ParsedStatement, compiled: CompiledStatement, action: string): ElementResult {
  return compiled.actionResults.get(action) ?? remember(compiled.actionResults, action, computeActionResult(statement, compiled, action));
}

function computeActionResult(statement: ParsedStatement, compiled: CompiledStatement, action: string): ElementResult {
  const element = statement.action;
  // Entries without wildcards were lower-cased when compiled; those with wildcards are case-insensitive RegExps.
  const actionLower = action.toLowerCase();
  // Action names are case-insensitive, service prefix included [ELEM Action].
  let entry: Located | undefined;
  for (let i = 0; i < element.entries.length; i++) {
    const matcher = compiled.actions[i];
    if (matcher === true || (typeof matcher === 'string' ? matcher === actionLower : matcher?.test(action))) {
      entry = element.entries[i];
      break;
    }
  }
  if (element.element === 'Action') {
    return {
      element: 'Action',
      matched: entry !== undefined,
      evaluated: true,
      entry,
      note: entry ? `\`${entry.value}\` matches \`${action}\`` : `no Action entry matches \`${action}\``,
      range: element.range,
    };
  }
  return {
    element: 'NotAction',
    matched: entry === undefined,
    evaluated: true,
    entry,
    note: entry ? `NotAction \`${entry.value}\` excludes \`${action}\`` : `\`${action}\` is not listed in NotAction`,
    range: element.range,
  };
}

function matchResource(statement: ParsedStatement, compiled: CompiledStatement, request: EvaluationRequest, variables: boolean, facts: RequestFacts): ElementResult {
  // With a policy variable the result depends on the request's context too: not remembered.
  if (compiled.resourceResults === undefined) return computeResourceResult(statement, compiled, request, variables, facts);
  return (
    compiled.resourceResults.get(request.resource) ??
    remember(compiled.resourceResults, request.resource, computeResourceResult(statement, compiled, request, variables, facts))
  );
}

function computeResourceResult(statement: ParsedStatement, compiled: CompiledStatement, request: EvaluationRequest, variables: boolean, facts: RequestFacts): ElementResult {
  const element = statement.resource;
  if (!element) {
    // KMS: "a statement without Resource has no effect" [KMS-KP]; IAM rejects such identity policies.
    return { element: 'Resource', matched: false, evaluated: true, entry: undefined, note: 'the statement has no Resource element', range: undefined };
  }
  const unresolved: string[] = [];
  let entry: Located | undefined;
  for (let i = 0; i < element.entries.length; i++) {
    const candidate = element.entries[i] as Located;
    const matcher = compiled.resources[i];
    const matches = matcher
      ? testArn(matcher, request.resource, facts.resourceParts)
      : resourceEntryMatches(candidate.value, request, variables, unresolved);
    if (matches) {
      entry = candidate;
      break;
    }
  }
  const unresolvedNote = unresolved.length > 0 ? ` (variable ${unresolved.map((k) => `\`${k}\``).join(', ')} has no value)` : '';
  if (element.element === 'Resource') {
    return {
      element: 'Resource',
      matched: entry !== undefined,
      evaluated: true,
      entry,
      note: entry ? `\`${entry.value}\` matches \`${request.resource}\`` : `no Resource entry matches \`${request.resource}\`${unresolvedNote}`,
      range: element.range,
    };
  }
  return {
    element: 'NotResource',
    matched: entry === undefined,
    evaluated: true,
    entry,
    note: entry ? `NotResource \`${entry.value}\` excludes \`${request.resource}\`` : `\`${request.resource}\` is not listed in NotResource${unresolvedNote}`,
    range: element.range,
  };
}

/**
 * Variables are allowed only in the resource part of an ARN, after the fifth colon [VARS]; an entry whose
 * variable has no value matches nothing.
 */
function resourceEntryMatches(pattern: string, request: EvaluationRequest, variables: boolean, unresolved: string[]): boolean {
  if (!variables || !pattern.includes('${')) return arnMatch(pattern, request.resource);
  const components = arnComponents(pattern);
  if (!components) return arnMatch(pattern, request.resource);
  const tail = components[5] ?? '';
  const substituted = substitute(tail, (key) => request.context.single(key));
  if (!substituted.resolved) {
    unresolved.push(substituted.missingKey);
    return false;
  }
  const head = components.slice(0, 5).join(':') + ':';
  return arnMatchParts([{ text: head, literal: false }, ...substituted.parts], request.resource);
}

function matchPrincipalBlock(statement: ParsedStatement, compiled: CompiledStatement, request: EvaluationRequest, options: EvaluationOptions): PrincipalResult | undefined {
  const element = statement.principal;
  if (!element) {
    if (!options.principalRequired) return undefined;
    return { element: 'Principal', matched: false, evaluated: true, entry: undefined, kind: undefined, note: 'a resource-based policy statement without Principal applies to nobody', range: undefined };
  }
  // The result depends only on the statement, the caller and whether it has a boundary: remembered per caller
  // object (callers of plain ARNs are memoized, so the same caller comes back as the same object).
  const memo = request.hasPermissionsBoundary ? compiled.principalResultsWithBoundary : compiled.principalResults;
  const known = memo.get(request.caller);
  if (known) return known;
  const result = computePrincipalResult(element, statement, request);
  memo.set(request.caller, Object.freeze(result));
  return result;
}

function computePrincipalResult(element: NonNullable<ParsedStatement['principal']>, statement: ParsedStatement, request: EvaluationRequest): PrincipalResult {
  const match = matchPrincipalElement(element, request.caller, statement.effect.value, request.hasPermissionsBoundary);
  return {
    element: element.element,
    matched: match.matched,
    evaluated: true,
    entry: match.matchedEntry,
    kind: match.kind,
    note: match.note,
    range: element.range,
  };
}
