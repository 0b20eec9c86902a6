export {
  AWS_JSON_CONTENT_TYPE,
  bugResponse,
  errorResponse,
  handleAwsJson,
  routeTarget,
  serviceOfTarget,
  type AwsJsonRequest,
  type AwsJsonResponse,
  type RoutedOperation,
} from './aws-json.ts';
export { domainName, inputFromWire, outputToWire, wireName } from './case-mapping.ts';
export {
  BLOB_MEMBERS,
  EXTRA_DATE_MEMBERS,
  MAP_MEMBERS,
  WIRE_NAME_EXCEPTIONS,
  isDateMember,
  type ProtocolService,
  type QueryService,
  type WireService,
} from './wire-names.ts';
export {
  FORM_CONTENT_TYPE,
  IAM_REGION,
  QUERY_CONTENT_TYPE,
  handleAwsQuery,
  isQueryService,
  outputToXml,
  parseForm,
  queryError,
  queryErrorResponse,
  queryInputFromForm,
  serviceOfQueryAction,
  type AwsQueryRequest,
} from './query-protocol.ts';
export {
  QUERY_API_VERSIONS,
  QUERY_BOOLEAN_MEMBERS,
  QUERY_EXTRA_DATE_MEMBERS,
  QUERY_INTEGER_MEMBERS,
  QUERY_LIST_MEMBERS,
  QUERY_NAMESPACES,
  URL_ENCODED_DOCUMENT_MEMBERS,
  isQueryDateMember,
} from './query-names.ts';
export { NobleSha256, SIGNATURE_MISMATCH, verifySigV4, type SignedHttpRequest, type SigV4Result, type VerifyOptions } from './sigv4.ts';
export {
  inPageRequestHandler,
  scopeRegion,
  scopeService,
  type InPageHandlerOptions,
  type InPageHttpRequest,
  type InPageHttpResponse,
  type InPageRequestHandler,
} from './in-page-handler.ts';
// The AWS CLI v2 syntax of the in-page terminal, loaded only when the terminal opens (it is not in the first bundle).
export const loadAwsCli = () => import('./cli/index.ts');
