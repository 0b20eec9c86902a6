import { secretsErrors } from './errors.ts';

/** MalformedPolicyDocumentException naming the first problem and where it is, as the console reports it. */
export function malformedPolicyError(errors: readonly { message: string; line: number; column: number }[]) {
  const first = errors[0];
  return secretsErrors.malformedPolicy(
    first ? `This resource policy contains an error: ${first.message} (line ${first.line}, column ${first.column}).` : 'This resource policy contains a syntax error.',
  );
}
