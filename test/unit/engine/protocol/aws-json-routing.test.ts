import { describe, expect, it } from 'vitest';
import { createSimulator, ServiceError } from '../../../../src/engine/index.ts';
import { errorResponse, handleAwsJson, routeTarget, serviceOfTarget } from '../../../../src/engine/protocol/index.ts';

/** The AWS JSON 1.1 path for Parameter Store (AmazonSSM) and EventBridge (AWSEvents), beside the earlier services. */
describe('AWS JSON routing', () => {
  const sim = createSimulator({ seed: 'routing' });

  it('routes each service by its target prefix and signing name', () => {
    expect(routeTarget(sim, 'AmazonSSM.GetParameter')).toEqual({ service: 'ssm', operation: 'GetParameter', signingName: 'ssm' });
    expect(routeTarget(sim, 'AWSEvents.PutRule')).toEqual({ service: 'events', operation: 'PutRule', signingName: 'events' });
    expect(routeTarget(sim, 'secretsmanager.GetSecretValue')?.signingName).toBe('secretsmanager');
    expect(routeTarget(sim, 'AmazonSSM.GetParameterHistory')).toBeUndefined();
    expect(serviceOfTarget('AmazonSSM.GetParameterHistory')).toBe('ssm');
    expect(serviceOfTarget('AWSEvents.PutEvents')).toBe('events');
    expect(serviceOfTarget('GraniteServiceVersion20100801.GetMetricData')).toBeUndefined();
  });

  it('answers errors with a lower-case message member for both, Message for Secrets Manager', () => {
    const error = new ServiceError('ParameterAlreadyExists', 'The parameter already exists.');
    expect(JSON.parse(errorResponse('ssm', error, 'r').body)).toEqual({ __type: 'ParameterAlreadyExists', message: 'The parameter already exists.' });
    expect(JSON.parse(errorResponse('events', error, 'r').body)).toHaveProperty('message');
    expect(JSON.parse(errorResponse('secretsmanager', error, 'r').body)).toHaveProperty('Message');
    // No text, no member: botocore then reads an empty message.
    expect(JSON.parse(errorResponse('ssm', new ServiceError('ParameterNotFound', ''), 'r').body)).toEqual({ __type: 'ParameterNotFound' });
  });

  it('serves a parameter round trip on the wire: PascalCase in, ARN in capitals and epoch seconds out', () => {
    const put = handleAwsJson(sim, { target: 'AmazonSSM.PutParameter', body: JSON.stringify({ Name: '/app/url', Value: 'https://example.com', Type: 'String' }) });
    expect(put.status).toBe(200);
    expect(JSON.parse(put.body)).toEqual({ Version: 1, Tier: 'Standard' });
    const got = JSON.parse(handleAwsJson(sim, { target: 'AmazonSSM.GetParameter', body: JSON.stringify({ Name: '/app/url' }) }).body) as { Parameter: Record<string, unknown> };
    expect(got.Parameter).toMatchObject({ Name: '/app/url', Value: 'https://example.com', ARN: 'arn:aws:ssm:us-east-1:111122223333:parameter/app/url', Version: 1 });
    expect(got.Parameter.LastModifiedDate).toBe(sim.now / 1000);
    const missing = handleAwsJson(sim, { target: 'AmazonSSM.GetParameter', body: JSON.stringify({ Name: '/nope' }) });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body)).toEqual({ __type: 'ParameterNotFound' });
  });

  it('serves EventBridge rules and targets on the wire', () => {
    const put = JSON.parse(handleAwsJson(sim, { target: 'AWSEvents.PutRule', body: JSON.stringify({ Name: 'r', EventPattern: '{"source":["aws.secretsmanager"]}' }) }).body);
    expect(put).toEqual({ RuleArn: 'arn:aws:events:us-east-1:111122223333:rule/r' });
    handleAwsJson(sim, { target: 'AWSEvents.PutTargets', body: JSON.stringify({ Rule: 'r', Targets: [{ Id: 't', Arn: 'arn:aws:sns:us-east-1:111122223333:t' }] }) });
    const listed = JSON.parse(handleAwsJson(sim, { target: 'AWSEvents.ListTargetsByRule', body: JSON.stringify({ Rule: 'r' }) }).body);
    expect(listed).toEqual({ Targets: [{ Id: 't', Arn: 'arn:aws:sns:us-east-1:111122223333:t' }] });
    const unknown = handleAwsJson(sim, { target: 'AWSEvents.PutEvents', body: '{}' });
    expect(JSON.parse(unknown.body)).toEqual({ __type: 'UnknownOperationException' });
  });
});
