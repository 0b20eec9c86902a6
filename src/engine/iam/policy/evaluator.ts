/**
 * One policy against one request (cedar's evaluator): for every statement, whether it applies and why not.
 * A statement applies when its action block, resource block, principal block and every condition match
 * (spec section 1 [ELEM]). Combining policies into a decision is the authorizer's job.
 */
import { arnComponentsMemo, arnMatch, arnMatchParts, testArn } from './glob.ts';
import type { ParsedPolicy, ParsedStatement, Located } from './policy-model.ts';
import type { SourceRange } from './source-range.ts';
import type { Caller, ContextKeys } from './request-context.ts';
import { evaluateCondition } from './conditions.ts';
import type { ConditionResult } from './conditions.ts';
import { matchPrincipalElement } from './principal-match.ts';
import type { PrincipalMatchKind } from './principal-match.ts';
import { arnComponents } from './glob.ts';
import { substitute } from './variables.ts';
import { compiledStatement } from './compiled-statement.ts';
import type { CompiledStatement } from './compiled-statement.ts';
import { compiledPolicy, PLAN_LIMIT } from './compiled-policy.ts';
import type { ActionPlan, CompiledPolicy } from './compiled-policy.ts';

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
  const compiled = compiledPolicy(policy);
  const plan = actionPlan(policy, compiled, request.action);
  // The last evaluation for this action: each statement is compared with its result there.
  const last = plan.last;
  const previous = last?.statements;
  // Built only once a statement's result differs from the last evaluation's: until then that evaluation is the answer.
  let statements: StatementResult[] | undefined;
  for (let i = 0; i < policy.statements.length; i++) {
    const result =
      plan.skipped[i] ??
      evaluateCovered(
        policy.statements[i] as ParsedStatement,
        compiled.statements[i] as CompiledStatement,
        plan.actions[i] as ElementResult,
        previous?.[i],
        request,
        options,
        compiled.variables,
        facts,
      );
    if (statements) statements.push(result);
    else if (previous?.[i] !== result) statements = prefixThen(previous, i, result);
  }
  if (!statements && last) return last;
  const all = statements ?? [];
  const allows: StatementResult[] = [];
  const denies: StatementResult[] = [];
  for (const result of all) if (result.applies) (result.effect === 'Allow' ? allows : denies).push(result);
  const evaluation: PolicyEvaluation = { statements: all, allows, denies };
  plan.last = evaluation;
  return evaluation;
}

/** The first `count` items of `items`, then `next`: a fresh list. */
function prefixThen<T>(items: readonly T[] | undefined, count: number, next: T): T[] {
  const list: T[] = [];
  for (let i = 0; i < count; i++) list.push((items as readonly T[])[i] as T);
  list.push(next);
  return list;
}

/** The action's plan for a policy: which statements skip it (their whole results), worked out once per action. */
function actionPlan(policy: ParsedPolicy, compiled: CompiledPolicy, action: string): ActionPlan {
  const known = compiled.plans.get(action);
  if (known) return known;
  const actions = policy.statements.map((statement, i) => matchAction(statement, compiled.statements[i] as CompiledStatement, action));
  const skipped = policy.statements.map((statement, i) => {
    const actionResult = actions[i] as ElementResult;
    return actionResult.matched ? undefined : skippedResult(statement, compiled.statements[i] as CompiledStatement, action, actionResult);
  });
  const plan: ActionPlan = { actions, skipped, last: undefined };
  if (compiled.plans.size < PLAN_LIMIT) compiled.plans.set(action, plan);
  return plan;
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
): StatementResult {
  const compiled = compiledStatement(statement, variables);
  const action = matchAction(statement, compiled, request.action);
  if (!action.matched) return skippedResult(statement, compiled, request.action, action);
  return evaluateCovered(statement, compiled, action, undefined, request, options, variables, facts);
}

/**
 * The result of a statement whose Action block does not cover the action: the other elements are not looked at (most
 * statements of a policy are about other actions, so this keeps evaluation cheap). It depends on the action alone, so
 * it is remembered per action like the Action result.
 */
function skippedResult(statement: ParsedStatement, compiled: CompiledStatement, actionText: string, action: ElementResult): StatementResult {
  const skipped = compiled.skippedResults.get(actionText);
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
  if (compiled.skippedResults.size < ELEMENT_MEMO_LIMIT) compiled.skippedResults.set(actionText, Object.freeze(result));
  return result;
}

/**
 * A statement whose Action block covers the request's action: Resource, Principal and every condition. `last` is its
 * result in the last evaluation for the same action: handed out again when the Action, Resource and Principal results
 * and every condition result are the same (remembered) objects, as the result is built from nothing else.
 */
function evaluateCovered(
  statement: ParsedStatement,
  compiled: CompiledStatement,
  action: ElementResult,
  last: StatementResult | undefined,
  request: EvaluationRequest,
  options: EvaluationOptions,
  variables: boolean,
  facts: RequestFacts,
): StatementResult {
  const resource = matchResource(statement, compiled, request, variables, facts);
  const principal = matchPrincipalBlock(statement, compiled, request, options);
  // Every part of the result is compared with the last result's; the conditions list is built only once one differs.
  let same = last !== undefined && last.action === action && last.resource === resource && last.principal === principal;
  const lastConditions = last?.conditions;
  let conditions: ConditionResult[] | undefined;
  let conditionFailed = false;
  for (let i = 0; i < statement.conditions.length; i++) {
    const condition = evaluateCondition(statement.conditions[i] as ParsedStatement['conditions'][number], request.context, variables, compiled.conditions[i]);
    if (!condition.matched) conditionFailed = true;
    if (conditions) conditions.push(condition);
    else if (!same || lastConditions?.[i] !== condition) {
      same = false;
      conditions = prefixThen(lastConditions, i, condition);
    }
  }
  if (same && last && last.conditions.length === statement.conditions.length) return last;
  const failed: ElementName[] = [];
  if (!resource.matched) failed.push(resource.element);
  if (principal && !principal.matched) failed.push(principal.element);
  if (conditionFailed) failed.push('Condition');
  // Built in one go, fields in the order the trace has always listed them.
  const result: StatementResult = {
    index: statement.index,
    sid: statement.sid?.value,
    label: compiled.label,
    effect: statement.effect.value,
    applies: failed.length === 0,
    failed,
    action,
    resource,
    principal,
    conditions: conditions ?? [],
    range: statement.range,
  };
  return result;
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
