import { ServiceError } from '../../errors.ts';

/**
 * CloudWatch's errors (a Query-protocol service: codes without the "Exception" suffix on the wire). Texts of the
 * cross-field checks are the simulator's wording where no recorded AWS text was found (listed in the report).
 */
export const cloudWatchErrors = {
  invalidParameterValue: (message: string) => new ServiceError('InvalidParameterValue', message),
  invalidParameterCombination: (message: string) => new ServiceError('InvalidParameterCombination', message),
  missingParameter: (message: string) => new ServiceError('MissingParameter', message),
  validation: (message: string) => new ServiceError('ValidationError', message),
  alarmsNotFound: (names: string[]) => new ServiceError('ResourceNotFound', `${names.length} of the alarms were not found: ${names.join(', ')}`, 404),
};
