import type { CallRequest, CallResult } from '../kernel/index.ts';
import type { StepCall } from './state.ts';

/** How the rotation engine reaches the pipeline: the simulator's own call(), attached when the simulator is made. */
export interface PipelineCaller {
  call<O = unknown>(request: CallRequest): CallResult<O>;
}

/** A failure inside the rotation function (an exception the handler raises), ending the step. */
export class StepFailure extends Error {}

// The rotation templates' SDK client; CloudTrail shows the function's calls with a boto3 user agent.
const USER_AGENT = 'Boto3/1.34 md/Botocore#1.34 ua/2.0 os/linux exec-env/AWS_Lambda_python3.12';

/**
 * The Secrets Manager client inside a rotation function: every call goes through the simulator's pipeline as the
 * function's execution role session, so permissions, CloudTrail and billing apply as to any other caller. Each call
 * is noted for the step log, without values.
 */
export class FunctionClient {
  readonly calls: StepCall[] = [];

  constructor(
    private readonly caller: PipelineCaller,
    private readonly principalArn: string,
    private readonly region: string,
  ) {}

  // Outputs are the engine's camelCase shapes; each step reads the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(operation: string, input: Record<string, unknown>, summary: string): CallResult<any> {
    const result = this.caller.call({
      service: 'secretsmanager',
      operation,
      input,
      caller: { principalArn: this.principalArn },
      region: this.region,
      userAgent: USER_AGENT,
      sourceIpAddress: 'lambda.amazonaws.com',
    });
    this.calls.push({ operation, summary, ...(result.ok ? {} : { errorCode: result.error.code }) });
    return result;
  }

  /** A call whose failure the template does not catch: the handler raises and the step fails. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  must(operation: string, input: Record<string, unknown>, summary: string): any {
    const result = this.call(operation, input, summary);
    if (!result.ok) throw new StepFailure(`An error occurred (${result.error.code}) when calling the ${operation} operation: ${result.error.message}`);
    return result.output;
  }
}
