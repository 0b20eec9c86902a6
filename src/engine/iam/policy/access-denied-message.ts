/**
 * The AccessDenied message texts AWS returns, so a learner sees what they would see on AWS [DENY]
 * ("Troubleshoot access denied error messages"):
 *   User: ARN is not authorized to perform: ACTION on resource: ARN because no TYPE policy allows the ACTION action
 *   User: ARN is not authorized to perform: ACTION on resource: ARN with an explicit deny in a TYPE policy
 */
import type { PolicyType } from './authorizer-types.ts';

/** The policy-type phrase of the message, with its article for the explicit form. */
const PHRASES: Record<PolicyType, { name: string; article: string }> = {
  identity: { name: 'identity-based policy', article: 'an' },
  resource: { name: 'resource-based policy', article: 'a' },
  // KMS reports key-policy denials as resource-based: the key policy is the key's resource policy.
  key: { name: 'resource-based policy', article: 'a' },
  // A trust policy is the role's resource-based policy.
  trust: { name: 'resource-based policy', article: 'a' },
  boundary: { name: 'permissions boundary', article: 'a' },
  session: { name: 'session policy', article: 'a' },
  scp: { name: 'service control policy', article: 'a' },
  rcp: { name: 'resource control policy', article: 'a' },
};

export function policyTypePhrase(type: PolicyType): string {
  return PHRASES[type].name;
}

function subject(principal: string, action: string, resource: string): string {
  // Actions without a resource type are reported without the "on resource" part.
  const onResource = resource === '*' ? '' : ` on resource: ${resource}`;
  return `User: ${principal} is not authorized to perform: ${action}${onResource}`;
}

export function accessDeniedMessage(
  kind: 'explicit' | 'implicit',
  type: PolicyType,
  principal: string,
  action: string,
  resource: string,
): string {
  const phrase = PHRASES[type];
  if (kind === 'explicit') return `${subject(principal, action, resource)} with an explicit deny in ${phrase.article} ${phrase.name}`;
  return `${subject(principal, action, resource)} because no ${phrase.name} allows the ${action} action`;
}
