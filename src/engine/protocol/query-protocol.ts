import { ServiceError } from '../errors.ts';
import { bytesToBase64 } from '../encoding/index.ts';
import type { CallerRef, Simulator } from '../kernel/index.ts';
import type { AwsJsonResponse } from './aws-json.ts';
import { domainName, wireName } from './case-mapping.ts';
import {
  QUERY_API_VERSIONS,
  QUERY_BOOLEAN_MEMBERS,
  QUERY_INTEGER_MEMBERS,
  QUERY_LIST_MEMBERS,
  QUERY_NAMESPACES,
  URL_ENCODED_DOCUMENT_MEMBERS,
  isQueryDateMember,
} from './query-names.ts';
import type { QueryService } from './wire-names.ts';
import { element, escapeXml } from './xml.ts';

/**
 * The AWS Query protocol, spoken by IAM and STS: `POST /` with a form body (`Action=AssumeRole&Version=2011-06-15&
 * RoleArn=...`), nested members written with dots (lists `Tags.member.1.Key`, maps `Attributes.entry.1.key`,
 * structures `A.B`); answers in XML, `<ActionResponse xmlns=...><ActionResult>...</ActionResult><ResponseMetadata>
 * <RequestId>...</RequestId></ResponseMetadata></ActionResponse>`, lists as `<member>` elements, timestamps as
 * ISO 8601; errors as `<ErrorResponse><Error><Type>Sender</Type><Code>...</Code><Message>...</Message></Error>
 * <RequestId>...</RequestId></ErrorResponse>` with the error's HTTP status. The service is the one the request was
 * signed for (the SigV4 credential scope), as no header names it.
 */

export const QUERY_CONTENT_TYPE = 'text/xml';
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** IAM is a global service: AWS serves it from us-east-1 and records its calls there, whatever region was signed. */
export const IAM_REGION = 'us-east-1';

export interface AwsQueryRequest {
  /** The service the credential scope names; undefined when unsigned (then guessed from the Action). */
  service: QueryService | undefined;
  /** The form: the POST body, or the query string of a GET. */
  body: string;
  region?: string;
  caller?: CallerRef;
  sourceIp?: string;
  userAgent?: string;
  requestId?: string;
}

export function isQueryService(name: string | undefined): name is QueryService {
  return name === 'iam' || name === 'sts';
}

/** The service a Query Action belongs to (for answering a request whose signature names none). */
export function serviceOfQueryAction(sim: Simulator, action: string | undefined): QueryService | undefined {
  if (!action) return undefined;
  if (sim.hasOperation('sts', action)) return 'sts';
  if (sim.hasOperation('iam', action)) return 'iam';
  return undefined;
}

/** `application/x-www-form-urlencoded` to name/value pairs (a repeated name keeps its last value). */
export function parseForm(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    params.set(decodeFormComponent(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? '' : decodeFormComponent(part.slice(eq + 1)));
  }
  return params;
}

function decodeFormComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A lone `%` or a broken UTF-8 sequence: AWS answers MalformedQueryString (its exact text is not recorded).
    throw new ServiceError('MalformedQueryString', `The query string could not be decoded: ${text.slice(0, 64)}`);
  }
}

interface FormNode {
  value?: string;
  children?: Map<string, FormNode>;
}

type Fields = Record<string, unknown>;

/** Assigns without ever touching a prototype (`__proto__` can be a member name in a hostile form). */
function put(target: Fields, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * The form's members (Action and Version aside) to the operation's domain input: `RoleArn` -> `roleArn`,
 * `Tags.member.1.Key` -> `tags[0].key`, `X.entry.1.key/value` -> `x[key] = value`, integers and booleans typed.
 * Values of the wrong type are left as text for the operation's schema to reject, as AWS rejects them.
 */
export function queryInputFromForm(service: QueryService, form: Map<string, string>): Fields {
  const root: FormNode = { children: new Map() };
  for (const [name, value] of form) {
    if (name === 'Action' || name === 'Version') continue;
    let node = root;
    for (const segment of name.split('.')) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = {}));
      node = child;
    }
    node.value = value;
  }
  return structureFrom(service, root.children!);
}

function structureFrom(service: QueryService, children: Map<string, FormNode>): Fields {
  const out: Fields = {};
  for (const [segment, child] of children) {
    const name = domainName(service, segment);
    put(out, name, valueFrom(service, name, child));
  }
  return out;
}

function indexed(children: Map<string, FormNode>): FormNode[] {
  return [...children.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, node]) => node);
}

function valueFrom(service: QueryService, name: string, node: FormNode): unknown {
  const children = node.children;
  if (!children) return typed(name, node.value ?? '');
  const segments = [...children.keys()];
  if (segments.every((s) => s === 'member')) {
    // A list: `Name.member.N...`; the items are ordered by N, as AWS orders them.
    return indexed(children.get('member')!.children ?? new Map()).map((item) => valueFrom(service, '', item));
  }
  if (segments.every((s) => s === 'entry')) {
    // A map: `Name.entry.N.key` and `Name.entry.N.value`; keys are data, passed as written.
    const map: Fields = {};
    for (const entry of indexed(children.get('entry')!.children ?? new Map())) {
      const key = entry.children?.get('key')?.value;
      const value = entry.children?.get('value');
      if (key !== undefined) put(map, key, value ? valueFrom(service, '', value) : undefined);
    }
    return map;
  }
  return structureFrom(service, children);
}

function typed(name: string, text: string): unknown {
  if (text === '' && QUERY_LIST_MEMBERS.has(name)) return [];
  if (QUERY_INTEGER_MEMBERS.has(name) && /^[-+]?\d+$/.test(text)) return Number(text);
  if (QUERY_BOOLEAN_MEMBERS.has(name)) {
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return text;
}

/** ISO 8601 as AWS writes it in XML: seconds, and milliseconds only when there are some. */
function isoTimestamp(epochMs: number): string {
  const text = new Date(epochMs).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

/** RFC 3986 percent-encoding: everything but the unreserved characters (encodeURIComponent also spares !'()*). */
function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A domain value's XML content. */
function xmlContent(service: QueryService, name: string, value: unknown): string {
  if (value instanceof Uint8Array) return bytesToBase64(value);
  if (Array.isArray(value)) return value.map((item) => element('member', xmlContent(service, '', item))).join('');
  if (value !== null && typeof value === 'object') return xmlMembers(service, value as Fields);
  if (typeof value === 'number' && isQueryDateMember(name)) return isoTimestamp(value);
  if (typeof value === 'string') return escapeXml(URL_ENCODED_DOCUMENT_MEMBERS[service].has(name) ? rfc3986(value) : value);
  return escapeXml(String(value));
}

function xmlMembers(service: QueryService, fields: Fields): string {
  let out = '';
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    out += element(wireName(service, key), xmlContent(service, key, value));
  }
  return out;
}

/** An operation's domain output as its XML response; operations with nothing to say return no Result element. */
export function outputToXml(service: QueryService, operation: string, output: unknown, requestId: string): string {
  const fields = (output ?? {}) as Fields;
  const result = Object.keys(fields).length > 0 ? element(`${operation}Result`, xmlMembers(service, fields)) : '';
  const metadata = element('ResponseMetadata', element('RequestId', escapeXml(requestId)));
  return element(`${operation}Response`, result + metadata, ` xmlns="${QUERY_NAMESPACES[service]}"`);
}

/**
 * Codes the kernel and the SigV4 check give in the AWS JSON services' words, with the code and status the Query
 * services use for the same failure (the "common errors" of the IAM and STS API references).
 */
const QUERY_CODES: Record<string, { code: string; status: number }> = {
  AccessDeniedException: { code: 'AccessDenied', status: 403 },
  ValidationException: { code: 'ValidationError', status: 400 },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  ExpiredTokenException: { code: 'ExpiredToken', status: 403 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 400 },
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403 },
  UnknownOperationException: { code: 'InvalidAction', status: 400 },
};

/** The Query form of an error that may have been raised in the JSON services' words. */
export function queryError(error: ServiceError): ServiceError {
  const mapped = QUERY_CODES[error.code];
  if (!mapped) return error;
  const message = error.code === 'MissingAuthenticationTokenException' ? 'Request is missing Authentication Token' : error.message;
  return new ServiceError(mapped.code, message, mapped.status);
}

function headers(requestId: string): Record<string, string> {
  return { 'content-type': QUERY_CONTENT_TYPE, 'x-amzn-requestid': requestId };
}

/** The XML error document, with the error's HTTP status (Type Receiver for AWS's own failures, Sender otherwise). */
export function queryErrorResponse(service: QueryService | undefined, error: ServiceError, requestId: string): AwsJsonResponse {
  const failure = queryError(error);
  const body = element(
    'ErrorResponse',
    element(
      'Error',
      element('Type', failure.httpStatus >= 500 ? 'Receiver' : 'Sender') +
        element('Code', escapeXml(failure.code)) +
        (failure.message ? element('Message', escapeXml(failure.message)) : ''),
    ) + element('RequestId', escapeXml(requestId)),
    ` xmlns="${QUERY_NAMESPACES[service ?? 'sts']}"`,
  );
  return { status: failure.httpStatus, headers: headers(requestId), body };
}

/** A failure of SecretsLab itself, said plainly (never an AWS error code). */
export function queryBugResponse(service: QueryService | undefined, error: unknown, requestId: string): AwsJsonResponse {
  const detail = error instanceof Error ? error.message : String(error);
  const response = queryErrorResponse(
    service,
    new ServiceError('SecretsLabBug', `SecretsLab bug (this is not an AWS error): ${detail}. Please report it with the request that caused it.`, 500),
    requestId,
  );
  return response;
}

let fallbackSequence = 0;

function fallbackRequestId(): string {
  fallbackSequence = (fallbackSequence + 1) % 0x1000000000000;
  return `00000000-0000-4000-9000-${fallbackSequence.toString(16).padStart(12, '0')}`;
}

/**
 * Serves one Query request against the simulator: read the form, route the Action, `simulator.call()`, write XML.
 * Authentication (SigV4) is the caller's business: this receives the verified caller, service and region.
 */
export function handleAwsQuery(sim: Simulator, request: AwsQueryRequest): AwsJsonResponse {
  let form: Map<string, string>;
  try {
    form = parseForm(request.body);
  } catch (error) {
    if (error instanceof ServiceError) return queryErrorResponse(request.service, error, request.requestId ?? fallbackRequestId());
    return queryBugResponse(request.service, error, request.requestId ?? fallbackRequestId());
  }
  const action = form.get('Action');
  const service = request.service ?? serviceOfQueryAction(sim, action);
  if (!action) {
    return queryErrorResponse(service, new ServiceError('MissingAction', 'Missing Action'), request.requestId ?? fallbackRequestId());
  }
  if (!service || !sim.hasOperation(service, action)) {
    const version = form.get('Version') ?? QUERY_API_VERSIONS[service ?? 'sts'];
    return queryErrorResponse(
      service,
      new ServiceError('InvalidAction', `Could not find operation ${action} for version ${version}`),
      request.requestId ?? fallbackRequestId(),
    );
  }
  let input: Fields;
  try {
    input = queryInputFromForm(service, form);
  } catch (error) {
    if (error instanceof ServiceError) return queryErrorResponse(service, error, request.requestId ?? fallbackRequestId());
    return queryBugResponse(service, error, request.requestId ?? fallbackRequestId());
  }
  let requestId = request.requestId ?? '';
  try {
    const region = service === 'iam' ? IAM_REGION : request.region;
    const result = sim.call({
      service,
      operation: action,
      input,
      ...(request.caller ? { caller: request.caller } : {}),
      ...(region ? { region } : {}),
      ...(request.sourceIp ? { sourceIpAddress: request.sourceIp } : {}),
      ...(request.userAgent ? { userAgent: request.userAgent } : {}),
      fillIdempotencyToken: false,
    });
    requestId = result.requestId;
    if (!result.ok) return queryErrorResponse(service, result.error, requestId);
    return { status: 200, headers: headers(requestId), body: outputToXml(service, action, result.output, requestId) };
  } catch (error) {
    return queryBugResponse(service, error, requestId || fallbackRequestId());
  }
}
