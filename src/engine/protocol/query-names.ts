import { isDateMember, type QueryService } from './wire-names.ts';

/**
 * What the AWS Query protocol needs to know about IAM's and STS's members beyond their names. A Query request is a
 * form of strings, so the members the models type as integers and booleans must be named to be read as such; an
 * XML response writes timestamps as ISO 8601 text, so the timestamp members must be named too. Every table is
 * checked against the AWS models for the operations the engine implements (test/endpoint/query-model.test.ts).
 */

export const QUERY_API_VERSIONS: Record<QueryService, string> = { iam: '2010-05-08', sts: '2011-06-15' };

/** The `xmlNamespace` of each model: every response and error document carries it. */
export const QUERY_NAMESPACES: Record<QueryService, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

/** Integer members of the inputs (MaxItems of every List*, CreateRole's MaxSessionDuration, AssumeRole's DurationSeconds). */
export const QUERY_INTEGER_MEMBERS: ReadonlySet<string> = new Set(['maxItems', 'maxSessionDuration', 'durationSeconds']);

/** Boolean members of the inputs (CreatePolicyVersion's SetAsDefault, ListPolicies' OnlyAttached). */
export const QUERY_BOOLEAN_MEMBERS: ReadonlySet<string> = new Set(['setAsDefault', 'onlyAttached']);

/**
 * List members of the inputs. An empty list is sent as the bare name (`Tags=`), which only the member's type can
 * tell from an empty string.
 */
export const QUERY_LIST_MEMBERS: ReadonlySet<string> = new Set(['tags', 'tagKeys', 'policyArns', 'transitiveTagKeys']);

/** Timestamp members that do not end in `Date`: STS's Credentials.Expiration, IAM's User.PasswordLastUsed. */
export const QUERY_EXTRA_DATE_MEMBERS: ReadonlySet<string> = new Set(['expiration', 'passwordLastUsed']);

export function isQueryDateMember(domainName: string): boolean {
  return isDateMember(domainName) || QUERY_EXTRA_DATE_MEMBERS.has(domainName);
}

/**
 * IAM returns policy documents URL-encoded (RFC 3986) in its XML: Role.AssumeRolePolicyDocument, the PolicyDocument
 * of Get{User,Role,Group}Policy and PolicyVersion.Document (IAM API reference, e.g. GetRolePolicy: "The policy
 * document IAM returns is URL-encoded compliant with RFC 3986"). The AWS CLI decodes them before printing; SDKs
 * hand them over as received.
 */
export const URL_ENCODED_DOCUMENT_MEMBERS: Record<QueryService, ReadonlySet<string>> = {
  iam: new Set(['assumeRolePolicyDocument', 'policyDocument', 'document']),
  sts: new Set(),
};
