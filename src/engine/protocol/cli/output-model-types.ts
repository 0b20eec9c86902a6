/**
 * The part of an AWS service model the CLI's output depends on. botocore parses a response by walking the output
 * shape's members in the model's order (members the model does not know are dropped), so printed JSON follows
 * model order, not the order of the response body; timestamps become dates printed in ISO 8601, blobs base64.
 */
export type CliShape =
  | { type: 'structure'; members: [member: string, shape: string][] }
  | { type: 'list'; member: string }
  | { type: 'map'; value: string }
  | { type: 'timestamp' | 'blob' | 'scalar' };

export interface CliOutputModel {
  /** Service, then operation, to the name of its output shape. */
  operations: Record<string, Record<string, string>>;
  /** Service, then shape name, to the shape. */
  shapes: Record<string, Record<string, CliShape>>;
}
