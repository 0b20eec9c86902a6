/**
 * Static validation of a policy without a request, like IAM Access Analyzer's ValidatePolicy [AA] (spec
 * section 5.2): each finding has a stable code, a severity, a message and a source range for the editor.
 * Architecture rule (cedar): the validator reads the parsed policy and never imports the evaluator.
 */
import { parsePolicy } from './parse.ts';
import type { ParsedPolicy, ParsedStatement } from './policy-model.ts';
import { variablesEnabled } from './policy-model.ts';
import type { SourceRange } from './source-range.ts';
import type { Finding, FindingSeverity, PolicyKind, Report } from './finding.ts';
import { RESOURCE_BASED_KINDS } from './finding.ts';
import { checkActions, checkPrincipal, checkResources, covers } from './validate-elements.ts';
import { checkConditions } from './validate-conditions.ts';
import { broadStatements } from './public-access.ts';
import { globMatch } from './glob.ts';

export interface ValidationResult {
  findings: Finding[];
  /** The parsed policy, when the text is a policy at all. */
  policy: ParsedPolicy | undefined;
}

/** Size quotas in characters, whitespace not counted for IAM (spec section 5.3 [QUOTA]). */
const SIZE_QUOTAS: Record<PolicyKind, number> = {
  identity: 6144,
  boundary: 6144,
  session: 2048,
  scp: 5120,
  rcp: 5120,
  secret: 20480,
  key: 32768,
};

const IAM_SID = /^[A-Za-z0-9]*$/;

const KIND_PHRASES: Record<PolicyKind, string> = {
  identity: 'an identity policy',
  boundary: 'a permissions boundary',
  session: 'a session policy',
  scp: 'an SCP',
  rcp: 'an RCP',
  secret: 'a secret policy',
  key: 'a key policy',
};

export function validatePolicy(text: string, kind: PolicyKind): ValidationResult {
  const parsed = parsePolicy(text);
  if (!parsed.ok) {
    return { policy: undefined, findings: parsed.problems.map((p) => ({ code: p.code, severity: 'ERROR', message: p.message, range: p.range })) };
  }
  const findings: Finding[] = [];
  const report: Report = (code, severity, message, range) => findings.push({ code, severity, message, range });
  validateParsed(parsed.policy, kind, report);
  return { policy: parsed.policy, findings: sortFindings(findings) };
}

function startOf(range: SourceRange): SourceRange {
  return { ...range, length: 1, endLine: range.line, endColumn: range.column + 1 };
}

function validateParsed(policy: ParsedPolicy, kind: PolicyKind, report: Report): void {
  const variables = variablesEnabled(policy);
  if (!policy.version) {
    // Without Version the policy is read as 2008-10-17, which disables policy variables [ELEM Version].
    report('MISSING_VERSION', 'WARNING', 'add "Version": "2012-10-17"; without it policy variables are not substituted', startOf(policy.range));
  }
  if (policy.statements.length === 0) report('MISSING_STATEMENT', 'ERROR', 'the policy has no statements', startOf(policy.range));
  const size = JSON.stringify(JSON.parse(policy.text)).length;
  if (size > SIZE_QUOTAS[kind]) {
    report('POLICY_SIZE_EXCEEDS_QUOTA', 'WARNING', `the policy is ${size} characters without whitespace; ${KIND_PHRASES[kind]} allows ${SIZE_QUOTAS[kind]}`, startOf(policy.range));
  }
  checkSids(policy, kind, report);
  for (const statement of policy.statements) {
    checkStatementShape(statement, kind, report);
    checkActions(statement, kind, report);
    checkResources(statement, kind, variables, report);
    checkPrincipal(statement, kind, report);
    checkConditions(statement, variables, report);
    checkVariablePlacement(statement, variables, report);
    checkPassRole(statement, report);
    checkServicePrincipal(statement, report);
  }
  if (kind === 'secret' || kind === 'key') checkPublicAccess(policy, report);
  checkRedundantStatements(policy, report);
}

function checkSids(policy: ParsedPolicy, kind: PolicyKind, report: Report): void {
  const seen = new Set<string>();
  for (const statement of policy.statements) {
    const sid = statement.sid;
    if (!sid) continue;
    if (sid.value === '') report('EMPTY_SID_VALUE', 'SUGGESTION', 'the `Sid` is empty; remove it or name the statement', sid.range);
    // Key policies accept spaces in Sids; IAM policies only letters and digits [KMS-KP][ELEM Sid].
    if (kind !== 'key' && kind !== 'secret' && !IAM_SID.test(sid.value)) {
      report('UNSUPPORTED_SID', 'ERROR', `Sid \`${sid.value}\` may contain only letters and digits`, sid.range);
    }
    if (sid.value !== '' && seen.has(sid.value)) {
      const required = kind === 'scp' || kind === 'rcp';
      report(required ? 'UNIQUE_SIDS_REQUIRED' : 'UNIQUE_SIDS_RECOMMENDED', required ? 'ERROR' : 'WARNING', `Sid \`${sid.value}\` is used by another statement`, sid.range);
    }
    seen.add(sid.value);
  }
}

function checkStatementShape(statement: ParsedStatement, kind: PolicyKind, report: Report): void {
  const { principal } = statement;
  if (principal && !RESOURCE_BASED_KINDS.has(kind)) {
    report('UNSUPPORTED_PRINCIPAL', 'ERROR', `\`${principal.element}\` is not allowed in ${KIND_PHRASES[kind]}: it applies to the principal it is attached to`, principal.range);
  }
  if (!principal && RESOURCE_BASED_KINDS.has(kind)) {
    report('MISSING_PRINCIPAL', 'ERROR', `${KIND_PHRASES[kind]} statement needs \`Principal\` (or \`NotPrincipal\` with Deny)`, startOf(statement.range));
  }
  if (!statement.resource) {
    report('MISSING_RESOURCE', 'ERROR', 'the statement has neither `Resource` nor `NotResource`', startOf(statement.range));
  }
  if (principal?.element === 'NotPrincipal' && statement.effect.value === 'Allow') {
    report('ALLOW_WITH_NOT_PRINCIPAL', 'SECURITY_WARNING', 'Allow with NotPrincipal grants access to everyone not listed, including anonymous users; use Principal', principal.range);
  }
  if (kind === 'rcp') {
    // Custom RCPs: Principal must be "*", Deny only, no NotPrincipal [RCP].
    if (principal?.element === 'NotPrincipal') report('RCP_NOT_PRINCIPAL_UNSUPPORTED', 'ERROR', 'RCPs do not support `NotPrincipal`', principal.range);
    else if (principal && !principal.entries.every((e) => e.type === '*' || (e.type === 'AWS' && e.value === '*'))) {
      report('RCP_PRINCIPAL_MUST_BE_WILDCARD', 'ERROR', 'an RCP statement\'s `Principal` must be "*"; narrow it with conditions', principal.range);
    }
    if (statement.effect.value === 'Allow') report('RCP_ALLOW_UNSUPPORTED', 'ERROR', 'custom RCPs may only contain Deny statements', statement.effect.range);
  }
}

function checkVariablePlacement(statement: ParsedStatement, variables: boolean, report: Report): void {
  for (const entry of statement.action.entries) {
    if (entry.value.includes('${')) report('VARIABLE_UNSUPPORTED_IN_ELEMENT', 'ERROR', `policy variables are not allowed in \`${statement.action.element}\``, entry.range);
  }
  if (!variables) {
    for (const entry of statement.resource?.entries ?? []) {
      if (entry.value.includes('${')) {
        report('VARIABLE_UNSUPPORTED_IN_VERSION', 'WARNING', `\`${entry.value}\` is literal text: policy variables need "Version": "2012-10-17"`, entry.range);
      }
    }
  }
}

/** Allowing iam:PassRole on every role lets the holder hand any role to a service [AA "Pass role with ..."]. */
function checkPassRole(statement: ParsedStatement, report: Report): void {
  if (statement.effect.value !== 'Allow' || !statement.resource) return;
  const { action, resource } = statement;
  const explicit = action.element === 'Action' && action.entries.some((e) => e.value.toLowerCase() === 'iam:passrole');
  const viaWildcard = action.element === 'Action'
    ? action.entries.some((e) => globMatch(e.value, 'iam:PassRole', true))
    : !action.entries.some((e) => globMatch(e.value, 'iam:PassRole', true));
  if (!explicit && !viaWildcard) return;
  if (resource.element === 'NotResource') {
    report('PASS_ROLE_WITH_NOT_RESOURCE', 'SECURITY_WARNING', 'iam:PassRole with NotResource allows passing every role not listed', resource.range);
  } else if (resource.entries.some((e) => e.value === '*')) {
    report(
      explicit ? 'PASS_ROLE_WITH_STAR_IN_RESOURCE' : 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
      'SECURITY_WARNING',
      'this allows iam:PassRole on every role ("Resource": "*"); list the roles and add an `iam:PassedToService` condition',
      resource.range,
    );
  }
}

function checkServicePrincipal(statement: ParsedStatement, report: Report): void {
  if (statement.effect.value !== 'Allow' || statement.principal?.element !== 'Principal') return;
  const services = statement.principal.entries.filter((e) => e.type === 'Service');
  if (services.length === 0) return;
  const scoped = statement.conditions.some((c) => ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths'].includes(c.key.toLowerCase()));
  if (!scoped) {
    report('RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL', 'SECURITY_WARNING', 'a service principal acts for every customer; add an `aws:SourceArn` or `aws:SourceAccount` condition (confused deputy)', statement.principal.range);
  }
}

function checkPublicAccess(policy: ParsedPolicy, report: Report): void {
  for (const broad of broadStatements(policy)) {
    const range = broad.statement.principal?.range ?? broad.statement.range;
    if (broad.limitedByOrganizationOnly) {
      report('PUBLIC_ACCESS_LIMITED_TO_ORGANIZATION', 'WARNING', 'access is limited only by `aws:PrincipalOrgID`; SecretsLab does not know whether BlockPublicPolicy accepts this (not verified against AWS)', range);
    } else {
      report(
        'PUBLIC_ACCESS',
        'SECURITY_WARNING',
        `${broad.cause === 'not-principal' ? 'Allow with NotPrincipal' : 'the wildcard principal'} grants broad access; BlockPublicPolicy would reject this policy unless a condition fixes aws:SourceArn, aws:SourceAccount, aws:SourceVpc(e), aws:PrincipalAccount or aws:PrincipalArn`,
        range,
      );
    }
  }
}

function canonicalPrincipal(statement: ParsedStatement): string {
  const principal = statement.principal;
  if (!principal) return '';
  return `${principal.element}:${principal.entries.map((e) => `${e.type}=${e.value}`).sort().join(',')}`;
}

function canonicalConditions(statement: ParsedStatement): string {
  return statement.conditions
    .map((c) => `${c.operator.text}|${c.key.toLowerCase()}|${c.values.map((v) => v.value).sort().join(',')}`)
    .sort()
    .join(';');
}

function entriesCovered(specific: string[], general: string[], ignoreCase: boolean): boolean {
  const same = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  return specific.every((s) => general.some((g) => same(g, s) || covers(g, s, ignoreCase)));
}

/** A statement is redundant when another with the same effect, principal and conditions covers it. */
function checkRedundantStatements(policy: ParsedPolicy, report: Report): void {
  const statements = policy.statements;
  statements.forEach((statement, i) => {
    const redundantTo = statements.find((other, j) => {
      if (j === i || other.effect.value !== statement.effect.value) return false;
      if (canonicalPrincipal(other) !== canonicalPrincipal(statement) || canonicalConditions(other) !== canonicalConditions(statement)) return false;
      if (other.action.element !== statement.action.element || other.resource?.element !== statement.resource?.element) return false;
      if (!statement.resource || !other.resource) return false;
      const mine = { actions: statement.action.entries.map((e) => e.value), resources: statement.resource.entries.map((e) => e.value) };
      const theirs = { actions: other.action.entries.map((e) => e.value), resources: other.resource.entries.map((e) => e.value) };
      // For NotAction/NotResource the inclusion is reversed: fewer exclusions cover more.
      const actionsCovered = statement.action.element === 'Action' ? entriesCovered(mine.actions, theirs.actions, true) : entriesCovered(theirs.actions, mine.actions, true);
      const resourcesCovered = statement.resource.element === 'Resource' ? entriesCovered(mine.resources, theirs.resources, false) : entriesCovered(theirs.resources, mine.resources, false);
      if (!actionsCovered || !resourcesCovered) return false;
      const mutual =
        (other.action.element === 'Action' ? entriesCovered(theirs.actions, mine.actions, true) : entriesCovered(mine.actions, theirs.actions, true)) &&
        (other.resource.element === 'Resource' ? entriesCovered(theirs.resources, mine.resources, false) : entriesCovered(mine.resources, theirs.resources, false));
      // Two equivalent statements: only the later one is reported.
      return !mutual || j < i;
    });
    if (redundantTo) {
      const name = redundantTo.sid?.value || `Statement[${redundantTo.index}]`;
      report('REDUNDANT_STATEMENT', 'SUGGESTION', `this statement grants nothing that \`${name}\` does not already`, startOf(statement.range));
    }
  });
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { ERROR: 0, SECURITY_WARNING: 1, WARNING: 2, SUGGESTION: 3 };

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.range.offset - b.range.offset || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export type { Finding, FindingSeverity, PolicyKind } from './finding.ts';
