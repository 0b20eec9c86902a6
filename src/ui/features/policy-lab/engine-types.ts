/** The policy language's types the lab uses, named once (type-only, through the engine's public surface). */
import type { iamPolicy } from '../../../engine/index.ts';

export type AuthorizationResult = iamPolicy.AuthorizationResult;
export type Decision = iamPolicy.Decision;
export type DecisionReason = iamPolicy.DecisionReason;
export type Finding = iamPolicy.Finding;
export type FindingSeverity = iamPolicy.FindingSeverity;
export type NamedPolicy = iamPolicy.NamedPolicy;
export type PolicyKind = iamPolicy.PolicyKind;
export type PolicySet = iamPolicy.PolicySet;
export type SourceRange = iamPolicy.SourceRange;
