import { ServiceError } from '../../errors.ts';

/** EventBridge's errors, with the texts the service returns. */
export const eventsErrors = {
  ruleNotFound: (name: string) => new ServiceError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus default.`),
  invalidPattern: (reason: string) => new ServiceError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${reason}`),
  validation: (message: string) => new ServiceError('ValidationException', message),
  busNotFound: (name: string) => new ServiceError('ResourceNotFoundException', `Event bus ${name} does not exist.`),
};
