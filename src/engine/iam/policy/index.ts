/** The IAM policy language: grammar, parsing, evaluation, authorization and static validation. */
export { policyDocumentSchema, statementSchema, principalSchema, conditionSchema, policyJsonSchema, POLICY_VERSIONS } from './policy-schema.ts';
export type { PolicyDocument, StatementDocument, PrincipalDocument } from './policy-schema.ts';
export { parsePolicy, policyFromDocument, PolicyParseError } from './parse.ts';
export type { ParseResult, PolicyProblem } from './parse.ts';
export type { SourceRange } from './source-range.ts';
export { variablesEnabled } from './policy-model.ts';
export type {
  ParsedPolicy,
  ParsedStatement,
  ConditionClause,
  PrincipalElement,
  PrincipalEntry,
  Located,
} from './policy-model.ts';
export { parseOperator, allOperatorNames, BASE_OPERATORS } from './operators.ts';
export type { ConditionOperator, BaseOperator, OperatorFamily } from './operators.ts';
export { ContextKeys, describeCaller, withPrincipalKeys, principalTypeOf } from './request-context.ts';
export type { Caller, CallerKind, ContextValue } from './request-context.ts';
export { evaluatePolicy, evaluateStatement } from './evaluator.ts';
export type { EvaluationRequest, EvaluationOptions, PolicyEvaluation, StatementResult, ElementResult, PrincipalResult } from './evaluator.ts';
export type { ConditionResult, ConditionOutcome } from './conditions.ts';
export type { PrincipalMatchKind } from './principal-match.ts';
export { authorize } from './authorizer.ts';
export { authorizeThroughKey } from './key-step.ts';
export type { KeyStep, ChainedAuthorizationResult } from './key-step.ts';
export type {
  AuthorizationInput,
  AuthorizationRequest,
  AuthorizationResult,
  Decision,
  DecisionReason,
  NamedPolicy,
  OrganizationLevel,
  PolicySet,
  PolicyTrace,
  PolicyType,
  ReasonCode,
  StatementRef,
} from './authorizer-types.ts';
export { accessDeniedMessage } from './access-denied-message.ts';
export { fullAwsAccessScp, rcpFullAwsAccess, defaultKeyPolicy, awsManagedSecretsManagerKeyPolicy } from './managed-policies.ts';
export { globMatch, arnMatch } from './glob.ts';
export { validatePolicy } from './validator.ts';
export type { ValidationResult } from './validator.ts';
export type { Finding, FindingSeverity, PolicyKind } from './finding.ts';
export { allowsPublicAccess, broadStatements } from './public-access.ts';
export type { BroadStatement } from './public-access.ts';
export { SERVICE_CATALOGUES, GLOBAL_CONDITION_KEYS, lookupConditionKey, catalogueActions } from './actions.ts';
export type { ConditionKeyType, ServiceCatalogue } from './actions.ts';
