/**
 * An error the simulated service returns to its caller, as AWS would: a wire code (`__type`), the exact
 * message text, and the HTTP status. Only expected, documented failures are ServiceErrors; a bug in the
 * simulator is thrown as an ordinary Error and is never disguised as one of these.
 */
export class ServiceError extends Error {
  readonly code: string;
  readonly httpStatus: number;

  constructor(code: string, message: string, httpStatus = 400) {
    // An answer, not a bug, so no stack trace is captured: V8 would walk and describe the frames at construction (a
    // few microseconds deep in the pipeline; every rotation makes one on purpose, probing for AWSPENDING). It is still
    // an Error, and `stack` reads "<code>: <message>". Engines without stackTraceLimit ignore the setting.
    const errors = Error as { stackTraceLimit?: number };
    const limit = errors.stackTraceLimit;
    if (limit !== undefined) errors.stackTraceLimit = 0;
    super(message);
    if (limit !== undefined) errors.stackTraceLimit = limit;
    this.name = code;
    this.code = code;
    this.httpStatus = httpStatus;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}

/** Errors every AWS JSON service shares (the "common errors" of the API reference). */
export const commonErrors = {
  validation: (message: string) => new ServiceError('ValidationException', message),
  accessDenied: (message: string) => new ServiceError('AccessDeniedException', message),
  serialization: (message: string) => new ServiceError('SerializationException', message),
  unknownOperation: () => new ServiceError('UnknownOperationException', ''),
  // JSON services answer these with HTTP 400; Query services (IAM, STS: InvalidClientTokenId, ExpiredToken) with 403.
  unrecognizedClient: (code = 'UnrecognizedClientException') =>
    new ServiceError(code, 'The security token included in the request is invalid.', code === 'UnrecognizedClientException' ? 400 : 403),
  /** Temporary credentials past their Expiration (AWS's text has no trailing period). */
  expiredToken: (code = 'ExpiredTokenException') =>
    new ServiceError(code, 'The security token included in the request is expired', code === 'ExpiredTokenException' ? 400 : 403),
};
