/**
 * JSON text to a parsed policy with source ranges (jsonc-parser keeps offsets; zod checks the grammar).
 *
 * Parsing fails only on problems that make a document meaningless or that IAM itself rejects at save time
 * with MalformedPolicyDocument (spec section 5.2): bad JSON, wrong types, unknown or missing elements,
 * invalid Effect/Version, unknown condition operators, and conflicting element pairs. Everything else
 * (unknown actions, bad ARNs, risky patterns) is a finding of `validator.ts` on a successfully parsed policy.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { LineIndex } from './source-range.ts';
import type { SourceRange } from './source-range.ts';
import { parseOperator } from './operators.ts';
import { policyDocumentSchema } from './policy-schema.ts';
import type {
  ConditionClause,
  ListElement,
  Located,
  ParsedPolicy,
  ParsedStatement,
  PrincipalElement,
  PrincipalEntry,
  PrincipalType,
} from './policy-model.ts';

/** A reason the text is not a policy at all. Codes follow Access Analyzer's upper-snake issue codes [AA]. */
export interface PolicyProblem {
  code: string;
  message: string;
  range: SourceRange;
}

export type ParseResult = { ok: true; policy: ParsedPolicy } | { ok: false; problems: PolicyProblem[] };

/** Thrown by `policyFromDocument` when given something that is not a valid policy. */
export class PolicyParseError extends Error {
  readonly problems: PolicyProblem[];
  constructor(problems: PolicyProblem[]) {
    super(`invalid policy: ${problems.map((p) => `${p.code} at ${p.range.line}:${p.range.column} (${p.message})`).join('; ')}`);
    this.name = 'PolicyParseError';
    this.problems = problems;
  }
}

type Path = Array<string | number>;

export function parsePolicy(text: string): ParseResult {
  const lines = new LineIndex(text);
  const rangeOf = (node: Node): SourceRange => lines.range(node.offset, node.length);
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  if (syntaxErrors.length > 0 || !root) {
    // Only the first syntax error is reported: the ones after it are usually its echoes.
    const problems = syntaxErrors.slice(0, 1).map((error) => ({
      code: 'JSON_SYNTAX_ERROR',
      message: `json syntax error: ${describeSyntaxError(printParseErrorCode(error.error))}`,
      range: lines.range(error.offset, error.length),
    }));
    if (problems.length === 0) {
      problems.push({ code: 'JSON_SYNTAX_ERROR', message: 'json syntax error: the document is empty', range: lines.range(0, 0) });
    }
    return { ok: false, problems };
  }

  const problems: PolicyProblem[] = [];
  collectDuplicateKeys(root, rangeOf, problems);
  if (problems.length > 0) return { ok: false, problems };
  const checked = policyDocumentSchema.safeParse(getNodeValue(root));
  if (!checked.success) {
    for (const issue of checked.error.issues) problems.push(...issueToProblems(issue, [], root, rangeOf));
  }
  if (problems.length > 0) return { ok: false, problems };

  const policy = buildPolicy(root, text, rangeOf, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policy };
}

/**
 * Parses a policy given as a JavaScript value (content files, API inputs). Ranges then refer to the value
 * pretty-printed with two-space indentation, which is also how the editor shows such a policy.
 */
export function policyFromDocument(document: unknown): ParsedPolicy {
  const text = typeof document === 'string' ? document : JSON.stringify(document, null, 2);
  const result = parsePolicy(text);
  if (!result.ok) throw new PolicyParseError(result.problems);
  return result.policy;
}

function describeSyntaxError(code: string): string {
  // printParseErrorCode gives PascalCase names such as CommaExpected; say them as words.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function collectDuplicateKeys(node: Node, rangeOf: (n: Node) => SourceRange, problems: PolicyProblem[]): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) {
        // JSON parsers silently keep the last duplicate; IAM rejects the document instead.
        problems.push({ code: 'DUPLICATE_KEY', message: `duplicate key \`${key}\``, range: rangeOf(keyNode) });
      }
      seen.add(key);
    }
  }
  for (const child of node.children ?? []) collectDuplicateKeys(child, rangeOf, problems);
}

function issueToProblems(
  issue: z.core.$ZodIssue,
  basePath: Path,
  root: Node,
  rangeOf: (n: Node) => SourceRange,
): PolicyProblem[] {
  const path: Path = [...basePath, ...(issue.path as Path)];
  const node = findNodeAtLocation(root, path);
  const element = lastName(path);
  const rangeAt = (target: Node | undefined): SourceRange => rangeOf(target ?? nearestNode(root, path));

  switch (issue.code) {
    case 'invalid_union': {
      // Pick the branch whose type fitted (its issues lie deeper); if none did, the value has the wrong type.
      const branch = issue.errors.find((errors) => !errors.every((e) => e.path.length === 0 && isTypeFailure(e)));
      if (branch) return branch.flatMap((inner) => issueToProblems(inner, path, root, rangeOf));
      if (!node) return [missing(element, path, root, rangeOf)];
      if (element === 'Principal' || element === 'NotPrincipal') {
        return [{ code: 'INVALID_PRINCIPAL_FORMAT', message: `\`${element}\` must be "*" or an object such as {"AWS": ...}`, range: rangeAt(node) }];
      }
      return [{ code: 'DATA_TYPE_MISMATCH', message: `\`${element}\` has the wrong type: expected ${expectedTypes(element)}`, range: rangeAt(node) }];
    }
    case 'invalid_type':
      if (!node) return [missing(element, path, root, rangeOf)];
      return [{ code: 'DATA_TYPE_MISMATCH', message: `\`${element}\` has the wrong type: expected ${issue.expected}`, range: rangeAt(node) }];
    case 'invalid_value':
      if (!node) return [missing(element, path, root, rangeOf)];
      if (node.type !== 'string') {
        return [{ code: 'DATA_TYPE_MISMATCH', message: `\`${element}\` has the wrong type: expected string`, range: rangeAt(node) }];
      }
      if (element === 'Effect') {
        return [{ code: 'INVALID_EFFECT', message: `effect \`${String(node.value)}\` is invalid: use "Allow" or "Deny"`, range: rangeAt(node) }];
      }
      if (element === 'Version') {
        return [{ code: 'INVALID_VERSION', message: `version \`${String(node.value)}\` is invalid: use "2012-10-17"`, range: rangeAt(node) }];
      }
      return [{ code: 'DATA_TYPE_MISMATCH', message: issue.message, range: rangeAt(node) }];
    case 'unrecognized_keys': {
      const parent = node;
      const inPrincipal = element === 'Principal' || element === 'NotPrincipal';
      return issue.keys.map((key) => ({
        code: inPrincipal ? 'INVALID_PRINCIPAL_KEY' : 'INVALID_POLICY_ELEMENT',
        message: inPrincipal
          ? `principal key \`${key}\` is invalid: use AWS, Service, Federated or CanonicalUser`
          : `\`${key}\` is not a policy element (element names are case-sensitive)`,
        range: rangeAt(parent ? keyNodeOf(parent, key) : undefined),
      }));
    }
    case 'invalid_key': {
      // Only Condition has constrained keys: the operator names.
      const operatorText = String(path[path.length - 1]);
      const keyNode = findNodeAtLocation(root, path.slice(0, -1));
      const range = rangeAt(keyNode ? keyNodeOf(keyNode, operatorText) : undefined);
      if (operatorText.endsWith('NullIfExists')) {
        return [{ code: 'NULL_WITH_IF_EXISTS', message: 'the `Null` operator cannot take `IfExists`', range }];
      }
      return [{ code: 'INVALID_CONDITION_OPERATOR', message: `condition operator \`${operatorText}\` is not valid`, range }];
    }
    default:
      return [{ code: 'DATA_TYPE_MISMATCH', message: issue.message, range: rangeAt(node) }];
  }
}

function isTypeFailure(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' || issue.code === 'invalid_value';
}

function expectedTypes(element: string): string {
  if (element === 'Statement') return 'an object or an array of objects';
  if (typeof element === 'string' && /^\d+$/.test(element)) return 'a string';
  return 'a string or an array of strings';
}

function missing(element: string, path: Path, root: Node, rangeOf: (n: Node) => SourceRange): PolicyProblem {
  const code = `MISSING_${element.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
  return { code, message: `the \`${element}\` element is missing`, range: rangeOf(nearestNode(root, path)) };
}

function lastName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    if (typeof part === 'string') return part;
  }
  return 'policy';
}

function nearestNode(root: Node, path: Path): Node {
  for (let length = path.length; length >= 0; length--) {
    const found = findNodeAtLocation(root, path.slice(0, length));
    if (found) return found;
  }
  return root;
}

function keyNodeOf(objectNode: Node, key: string): Node | undefined {
  const property = objectNode.children?.find((p) => p.children?.[0]?.value === key);
  return property?.children?.[0];
}

function propertyValue(objectNode: Node, key: string): Node | undefined {
  const property = objectNode.children?.find((p) => p.children?.[0]?.value === key);
  return property?.children?.[1];
}

function buildPolicy(root: Node, text: string, rangeOf: (n: Node) => SourceRange, problems: PolicyProblem[]): ParsedPolicy {
  const located = (node: Node | undefined): Located | undefined =>
    node ? { value: String(node.value), range: rangeOf(node) } : undefined;
  const statementNode = propertyValue(root, 'Statement');
  // INVARIANT: the schema accepted the document, so Statement exists and is an object or an array of objects.
  const statementNodes = statementNode?.type === 'array' ? (statementNode.children ?? []) : statementNode ? [statementNode] : [];
  return {
    version: located(propertyValue(root, 'Version')),
    id: located(propertyValue(root, 'Id')),
    statements: statementNodes.map((node, index) => buildStatement(node, index, rangeOf, problems)),
    singleStatement: statementNode?.type === 'object',
    range: rangeOf(root),
    text,
  };
}

function buildStatement(node: Node, index: number, rangeOf: (n: Node) => SourceRange, problems: PolicyProblem[]): ParsedStatement {
  const value = (key: string) => propertyValue(node, key);
  const pair = <A extends string, B extends string>(a: A, b: B): ListElement<A | B> | undefined => {
    const first = value(a);
    const second = value(b);
    if (first && second) {
      problems.push({
        code: 'UNSUPPORTED_ELEMENT_COMBINATION',
        message: `a statement cannot contain both \`${a}\` and \`${b}\``,
        range: rangeOf(keyNodeOf(node, b) ?? node),
      });
    }
    if (first) return listElement(a, first, rangeOf);
    if (second) return listElement(b, second, rangeOf);
    return undefined;
  };

  const action = pair('Action', 'NotAction');
  if (!action) {
    problems.push({ code: 'MISSING_ACTION', message: 'the statement has neither `Action` nor `NotAction`', range: rangeOf(node) });
  }
  const resource = pair('Resource', 'NotResource');
  const principalNode = value('Principal');
  const notPrincipalNode = value('NotPrincipal');
  if (principalNode && notPrincipalNode) {
    problems.push({
      code: 'UNSUPPORTED_ELEMENT_COMBINATION',
      message: 'a statement cannot contain both `Principal` and `NotPrincipal`',
      range: rangeOf(keyNodeOf(node, 'NotPrincipal') ?? node),
    });
  }
  const principal = principalNode
    ? principalElement('Principal', principalNode, rangeOf)
    : notPrincipalNode
      ? principalElement('NotPrincipal', notPrincipalNode, rangeOf)
      : undefined;
  const sidNode = value('Sid');
  const effectNode = value('Effect');
  const conditionNode = value('Condition');
  return {
    index,
    sid: sidNode ? { value: String(sidNode.value), range: rangeOf(sidNode) } : undefined,
    // INVARIANT: the schema requires Effect to be "Allow" or "Deny".
    effect: { value: effectNode?.value === 'Deny' ? 'Deny' : 'Allow', range: rangeOf(effectNode ?? node) },
    principal,
    action: action ?? { element: 'Action', entries: [], single: false, range: rangeOf(node) },
    resource,
    conditions: conditionNode ? conditionClauses(conditionNode, rangeOf) : [],
    conditionRange: conditionNode ? rangeOf(conditionNode) : undefined,
    range: rangeOf(node),
  };
}

function listElement<Name extends string>(element: Name, node: Node, rangeOf: (n: Node) => SourceRange): ListElement<Name> {
  const entryNodes = node.type === 'array' ? (node.children ?? []) : [node];
  return {
    element,
    entries: entryNodes.map((entry) => ({ value: String(entry.value), range: rangeOf(entry) })),
    single: node.type !== 'array',
    range: rangeOf(node),
  };
}

function principalElement(
  element: 'Principal' | 'NotPrincipal',
  node: Node,
  rangeOf: (n: Node) => SourceRange,
): PrincipalElement {
  const entries: PrincipalEntry[] = [];
  if (node.type === 'string') {
    entries.push({ type: '*', value: String(node.value), range: rangeOf(node) });
  } else {
    for (const property of node.children ?? []) {
      const type = String(property.children?.[0]?.value) as PrincipalType;
      const valueNode = property.children?.[1];
      if (!valueNode) continue;
      const valueNodes = valueNode.type === 'array' ? (valueNode.children ?? []) : [valueNode];
      for (const entry of valueNodes) entries.push({ type, value: String(entry.value), range: rangeOf(entry) });
    }
  }
  return { element, entries, range: rangeOf(node) };
}

function conditionClauses(node: Node, rangeOf: (n: Node) => SourceRange): ConditionClause[] {
  const clauses: ConditionClause[] = [];
  for (const operatorProperty of node.children ?? []) {
    const operatorKey = operatorProperty.children?.[0];
    const keysNode = operatorProperty.children?.[1];
    // INVARIANT: the schema's operator pattern admits only names parseOperator accepts.
    const operator = operatorKey ? parseOperator(String(operatorKey.value)) : undefined;
    if (!operatorKey || !keysNode || !operator) continue;
    for (const keyProperty of keysNode.children ?? []) {
      const keyNode = keyProperty.children?.[0];
      const valuesNode = keyProperty.children?.[1];
      if (!keyNode || !valuesNode) continue;
      const valueNodes = valuesNode.type === 'array' ? (valuesNode.children ?? []) : [valuesNode];
      clauses.push({
        operator,
        operatorRange: rangeOf(operatorKey),
        key: String(keyNode.value),
        keyRange: rangeOf(keyNode),
        values: valueNodes.map((v) => ({ value: String(v.value), range: rangeOf(v) })),
        valueTypes: valueNodes.map((v) => (v.type === 'number' ? 'number' : v.type === 'boolean' ? 'boolean' : 'string')),
        range: rangeOf(keyProperty),
      });
    }
  }
  return clauses;
}
