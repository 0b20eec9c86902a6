import { ServiceError } from '../errors.ts';

/**
 * LookupEvents' errors. The codes are those of CloudTrail's API model (the operation's error list); AWS's message
 * texts for these are not recorded in our references, so the texts below are our own plain wording, kept here in one
 * place so a correction is one edit.
 */
export const cloudtrailErrors = {
  tooManyAttributes: () =>
    new ServiceError('InvalidLookupAttributesException', 'You can specify only one lookup attribute in a LookupEvents request.'),
  unknownAttribute: (key: string) =>
    new ServiceError(
      'InvalidLookupAttributesException',
      `'${key}' is not a lookup attribute. Use one of EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId.`,
    ),
  attributeValueLength: () =>
    new ServiceError('InvalidLookupAttributesException', 'A lookup attribute value must be 1 to 2000 characters long.'),
  readOnlyValue: (value: string) =>
    new ServiceError('InvalidLookupAttributesException', `The ReadOnly lookup attribute takes true or false, not '${value}'.`),
  timeRange: () => new ServiceError('InvalidTimeRangeException', 'The start time must not be after the end time.'),
  maxResults: () => new ServiceError('InvalidMaxResultsException', 'MaxResults must be from 1 to 50.'),
  nextToken: () =>
    new ServiceError(
      'InvalidNextTokenException',
      'The NextToken is not valid, or was returned for a request with other parameters.',
    ),
  eventCategory: (value: string) =>
    new ServiceError('InvalidEventCategoryException', `'${value}' is not an event category. The only one is insight.`),
};
