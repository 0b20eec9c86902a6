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
export { BLOB_MEMBERS, EXTRA_DATE_MEMBERS, MAP_MEMBERS, WIRE_NAME_EXCEPTIONS, isDateMember, type WireService } from './wire-names.ts';
export { NobleSha256, SIGNATURE_MISMATCH, verifySigV4, type SignedHttpRequest, type SigV4Result, type VerifyOptions } from './sigv4.ts';
export {
  inPageRequestHandler,
  scopeRegion,
  type InPageHandlerOptions,
  type InPageHttpRequest,
  type InPageHttpResponse,
  type InPageRequestHandler,
} from './in-page-handler.ts';
