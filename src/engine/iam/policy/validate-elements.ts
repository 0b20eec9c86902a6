/**
 * Static checks of the Action, Resource and Principal elements [AA]: action names against the catalogue,
 * resource ARNs against each service's ARN format, principal formats.
 */
import { catalogueActions, SERVICE_CATALOGUES } from './actions.ts';
import { arnComponents, globMatch } from './glob.ts';
import type { Located, ParsedStatement } from './policy-model.ts';
import type { PolicyKind, Report } from './finding.ts';

const ACTION_FORMAT = /^[^:\s]+:[^:\s]+$/;

export function checkActions(statement: ParsedStatement, kind: PolicyKind, report: Report): void {
  const { action } = statement;
  if (action.entries.length === 0 && !action.single) {
    report(`EMPTY_ARRAY_ACTION`, 'SUGGESTION', `\`${action.element}\` is an empty array, so the statement matches no action`, action.range);
  }
  for (const entry of action.entries) {
    if (entry.value === '*') continue;
    if (!ACTION_FORMAT.test(entry.value)) {
      report('INVALID_ACTION', 'ERROR', `action \`${entry.value}\` must have the form \`service:ActionName\``, entry.range);
      continue;
    }
    const [prefix = '', name = ''] = entry.value.split(':');
    if (prefix.includes('*') || prefix.includes('?')) {
      report('WILDCARD_IN_SERVICE_NAME', 'SUGGESTION', `action \`${entry.value}\` has a wildcard in its service name; name the service`, entry.range);
      continue;
    }
    const service = SERVICE_CATALOGUES.get(prefix.toLowerCase());
    if (!service) continue;
    const known = catalogueActions(service.prefix);
    if (!known.some((candidate) => globMatch(`${service.prefix}:${name}`, candidate, true))) {
      const suggestion = closestAction(name, service.actions);
      report(
        'INVALID_ACTION',
        'WARNING',
        `\`${entry.value}\` matches no ${service.prefix} action${suggestion ? `; did you mean \`${service.prefix}:${suggestion}\`?` : ''}`,
        entry.range,
      );
    }
    if (kind === 'secret' && service.prefix !== 'secretsmanager') {
      report('UNSUPPORTED_ACTION_IN_POLICY', 'ERROR', `a secret policy only governs secretsmanager actions, not \`${entry.value}\``, entry.range);
    }
    if (kind === 'key' && service.prefix !== 'kms') {
      report('UNSUPPORTED_ACTION_IN_POLICY', 'ERROR', `a key policy only governs kms actions, not \`${entry.value}\``, entry.range);
    }
  }
  checkRedundantEntries(action.entries, true, 'REDUNDANT_ACTION', report);
}

function closestAction(name: string, actions: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { action: string; distance: number } | undefined;
  for (const action of actions) {
    const distance = editDistance(lower, action.toLowerCase());
    if (!best || distance < best.distance) best = { action, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.action : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * An entry is redundant when another entry of the same element already covers it. Conservative: a
 * wildcard entry counts as covered only by an entry that is a prefix followed by `*`.
 */
export function covers(general: string, specific: string, ignoreCase: boolean): boolean {
  if (general === specific) return false;
  if (!globMatch(general, specific, ignoreCase)) return false;
  if (!specific.includes('*') && !specific.includes('?')) return true;
  if (!general.endsWith('*') || general.slice(0, -1).includes('*') || general.includes('?')) return false;
  const prefix = general.slice(0, -1);
  return ignoreCase ? specific.toLowerCase().startsWith(prefix.toLowerCase()) : specific.startsWith(prefix);
}

function checkRedundantEntries(entries: Located[], ignoreCase: boolean, code: string, report: Report): void {
  entries.forEach((entry, i) => {
    const duplicateBefore = entries.slice(0, i).some((other) => (ignoreCase ? other.value.toLowerCase() === entry.value.toLowerCase() : other.value === entry.value));
    const coveredBy = entries.find((other) => other !== entry && covers(other.value, entry.value, ignoreCase));
    if (duplicateBefore || coveredBy) {
      report(code, 'SUGGESTION', `\`${entry.value}\` is redundant: ${coveredBy ? `\`${coveredBy.value}\` already covers it` : 'it is listed twice'}`, entry.range);
    }
  });
}

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
const ACCOUNT = /^(\d{12}|[*?0-9]*\*[*?0-9]*|[0-9?]{12})$/;
const REGION = /^([a-z]{2}(-[a-z]+)+-\d|[a-z0-9*?-]*[*?][a-z0-9*?-]*)$/;

interface ArnRules {
  regionRequired: boolean;
  regionAllowed: boolean;
  accountRequired: boolean;
  resourcePrefixes: readonly string[];
}

/** ARN formats of the simulated services [SAR-SM] and the IAM/KMS references. */
const ARN_RULES: Readonly<Record<string, ArnRules>> = {
  secretsmanager: { regionRequired: true, regionAllowed: true, accountRequired: true, resourcePrefixes: ['secret:'] },
  kms: { regionRequired: true, regionAllowed: true, accountRequired: true, resourcePrefixes: ['key/', 'alias/'] },
  iam: { regionRequired: false, regionAllowed: false, accountRequired: true, resourcePrefixes: ['user/', 'role/', 'group/', 'policy/', 'root', 'instance-profile/', 'mfa/', 'oidc-provider/', 'saml-provider/', 'server-certificate/'] },
  sts: { regionRequired: false, regionAllowed: false, accountRequired: true, resourcePrefixes: ['assumed-role/', 'federated-user/', 'self', 'root'] },
};

export function checkResources(statement: ParsedStatement, kind: PolicyKind, variables: boolean, report: Report): void {
  const { resource } = statement;
  if (!resource) return;
  if (resource.entries.length === 0 && !resource.single) {
    report('EMPTY_ARRAY_RESOURCE', 'SUGGESTION', `\`${resource.element}\` is an empty array, so the statement matches no resource`, resource.range);
  }
  for (const entry of resource.entries) checkArn(entry, variables, report);
  checkRedundantEntries(resource.entries, false, 'REDUNDANT_RESOURCE', report);
  void kind;
}

function checkArn(entry: Located, variables: boolean, report: Report): void {
  const text = entry.value;
  if (text === '*') return;
  if (!text.startsWith('arn:')) {
    report('INVALID_ARN_PREFIX', 'ERROR', `resource \`${text}\` must be "*" or an ARN starting with \`arn:\``, entry.range);
    return;
  }
  const parts = arnComponents(text);
  if (!parts) {
    report('MISSING_ARN_FIELD', 'ERROR', `resource \`${text}\` needs six colon-separated fields: arn:partition:service:region:account:resource`, entry.range);
    return;
  }
  const [, partition = '', service = '', region = '', account = '', rest = ''] = parts;
  // Variables may appear only in the resource part, after the fifth colon [VARS].
  if (variables && parts.slice(0, 5).some((part) => part.includes('${'))) {
    report('VARIABLE_UNSUPPORTED_IN_ELEMENT', 'ERROR', `policy variables are allowed only in the resource part of an ARN (after the fifth colon) in \`${text}\``, entry.range);
    return;
  }
  if (!PARTITIONS.has(partition) && !partition.includes('*')) {
    report('INVALID_PARTITION', 'ERROR', `\`${partition}\` is not an AWS partition (use \`aws\`)`, entry.range);
  }
  if (service.includes('*') || service.includes('?')) {
    report('INVALID_SERVICE', 'ERROR', `the service field of an ARN cannot contain wildcards: \`${text}\``, entry.range);
    return;
  }
  if (service !== service.toLowerCase()) {
    report('INVALID_ARN_SERVICE_CASE', 'ERROR', `service \`${service}\` in an ARN must be lowercase`, entry.range);
    return;
  }
  const rules = ARN_RULES[service];
  if (!rules) return;
  if (rules.regionRequired && region === '') report('MISSING_ARN_REGION', 'ERROR', `a ${service} ARN needs a region: \`${text}\``, entry.range);
  if (!rules.regionAllowed && region !== '') report('ARN_REGION_NOT_ALLOWED', 'ERROR', `${service} ARNs have no region: \`${text}\``, entry.range);
  if (rules.regionAllowed && region !== '' && !REGION.test(region)) report('INVALID_ARN_REGION', 'ERROR', `\`${region}\` is not a region`, entry.range);
  if (rules.accountRequired && !ACCOUNT.test(account)) {
    report('INVALID_ARN_ACCOUNT', 'ERROR', `\`${account}\` is not a 12-digit account id (or a wildcard)`, entry.range);
  }
  const wildcardAt = rest.search(/[*?]|\$\{/);
  const startsKnown = rules.resourcePrefixes.some(
    (prefix) => rest.startsWith(prefix) || (wildcardAt >= 0 && prefix.startsWith(rest.slice(0, wildcardAt))),
  );
  if (!startsKnown) {
    report('INVALID_ARN_RESOURCE', 'ERROR', `\`${rest}\` is not a ${service} resource (expected ${rules.resourcePrefixes.map((p) => `\`${p}…\``).join(' or ')})`, entry.range);
  }
}

const PRINCIPAL_ARN = /^arn:[a-z-]+:(iam|sts)::(\d{12}):(.+)$/;

export function checkPrincipal(statement: ParsedStatement, kind: PolicyKind, report: Report): void {
  const { principal } = statement;
  if (!principal) return;
  if (principal.entries.length === 0) {
    report('EMPTY_ARRAY_PRINCIPAL', 'SUGGESTION', `\`${principal.element}\` lists no principal`, principal.range);
  }
  for (const entry of principal.entries) {
    if (entry.type === '*') continue;
    if (entry.value.includes('${')) {
      report('VARIABLE_UNSUPPORTED_IN_ELEMENT', 'ERROR', `policy variables are not allowed in \`${principal.element}\``, entry.range);
      continue;
    }
    if (entry.type === 'Federated' || entry.type === 'CanonicalUser') {
      report('FEDERATED_PRINCIPAL_NOT_SUPPORTED', 'ERROR', `\`${entry.type}\` principals are only for role trust policies or S3, not this ${kind} policy`, entry.range);
      continue;
    }
    if (entry.type === 'Service') {
      if (!/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(entry.value)) {
        report('INVALID_PRINCIPAL_FORMAT', 'ERROR', `\`${entry.value}\` is not a service principal such as \`lambda.amazonaws.com\``, entry.range);
      }
      continue;
    }
    if (entry.value === '*' || /^\d{12}$/.test(entry.value)) continue;
    const match = PRINCIPAL_ARN.exec(entry.value);
    if (!match) {
      if (/^A[IR]OA[A-Z0-9]+$/.test(entry.value)) {
        report('INVALID_ROLE_REFERENCE', 'WARNING', `\`${entry.value}\` looks like a unique id; use the principal's ARN`, entry.range);
      } else {
        report('INVALID_PRINCIPAL_FORMAT', 'ERROR', `\`${entry.value}\` is not an account id or an IAM/STS principal ARN`, entry.range);
      }
      continue;
    }
    if (entry.value.includes('*') || entry.value.includes('?')) {
      report('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', 'ERROR', `wildcards are not allowed inside a principal ARN (\`${entry.value}\`); use "*" with an \`aws:PrincipalArn\` ArnLike condition`, entry.range);
    }
  }
}
