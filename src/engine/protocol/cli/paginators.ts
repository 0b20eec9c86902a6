/**
 * The paginators of the AWS models (botocore's paginators-1.json) for the list operations the engine implements:
 * the CLI follows them by default and prints one merged list. Domain names are the engine's input and output
 * member names; `wire` the printed ones.
 */
export interface Paginator {
  inputToken: string;
  /** The input token's model name, the key of the CLI's resume tokens (`{"NextToken": ..., "boto_truncate_amount": 2}`). */
  inputTokenWire: string;
  limitKey: string;
  outputTokenDomain: string;
  wire: { resultKey: string; outputToken: string; moreResults?: string };
}

function nextToken(resultKey: string): Paginator {
  return { inputToken: 'nextToken', inputTokenWire: 'NextToken', limitKey: 'maxResults', outputTokenDomain: 'nextToken', wire: { resultKey, outputToken: 'NextToken' } };
}

/** EventBridge's paginators: NextToken, with `Limit` as the page size. */
function eventsNextToken(resultKey: string): Paginator {
  return { inputToken: 'nextToken', inputTokenWire: 'NextToken', limitKey: 'limit', outputTokenDomain: 'nextToken', wire: { resultKey, outputToken: 'NextToken' } };
}

function kmsMarker(resultKey: string): Paginator {
  return { inputToken: 'marker', inputTokenWire: 'Marker', limitKey: 'limit', outputTokenDomain: 'nextMarker', wire: { resultKey, outputToken: 'NextMarker', moreResults: 'Truncated' } };
}

function iamMarker(resultKey: string): Paginator {
  return { inputToken: 'marker', inputTokenWire: 'Marker', limitKey: 'maxItems', outputTokenDomain: 'marker', wire: { resultKey, outputToken: 'Marker', moreResults: 'IsTruncated' } };
}

export const PAGINATORS: Record<string, Record<string, Paginator>> = {
  cloudtrail: {
    LookupEvents: nextToken('Events'),
  },
  secretsmanager: {
    ListSecrets: nextToken('SecretList'),
  },
  kms: {
    ListAliases: kmsMarker('Aliases'),
    ListKeyPolicies: kmsMarker('PolicyNames'),
    ListKeys: kmsMarker('Keys'),
    ListResourceTags: kmsMarker('Tags'),
  },
  iam: {
    ListAccessKeys: iamMarker('AccessKeyMetadata'),
    ListAttachedRolePolicies: iamMarker('AttachedPolicies'),
    ListAttachedUserPolicies: iamMarker('AttachedPolicies'),
    ListPolicies: iamMarker('Policies'),
    ListRolePolicies: iamMarker('PolicyNames'),
    ListRoles: iamMarker('Roles'),
    ListUserPolicies: iamMarker('PolicyNames'),
    ListUsers: iamMarker('Users'),
  },
  ssm: {
    DescribeParameters: nextToken('Parameters'),
    GetParametersByPath: nextToken('Parameters'),
  },
  events: {
    ListRules: eventsNextToken('Rules'),
    ListTargetsByRule: eventsNextToken('Targets'),
  },
  organizations: {
    ListAccounts: nextToken('Accounts'),
    ListOrganizationalUnitsForParent: nextToken('OrganizationalUnits'),
    ListPolicies: nextToken('Policies'),
    ListPoliciesForTarget: nextToken('Policies'),
    ListRoots: nextToken('Roots'),
  },
};
