import type { OperationContext } from '../kernel/index.ts';
import { functionByArn, type LambdaFunction } from '../lambda/index.ts';
import { databaseByHost } from '../targets/index.ts';
import { FunctionClient, StepFailure, type PipelineCaller } from './function-client.ts';
import type { RotationStep } from './rotation.machine.ts';
import type { FaultKind, RotationRun, StepLog } from './state.ts';
import { runStep } from './steps.ts';
import { rotationState } from './store.ts';

/** Typical durations of each step of the templates, before seeded jitter (for billing and the timeline). */
const BASE_MS: Record<RotationStep, number> = { createSecret: 420, setSecret: 680, testSecret: 390, finishSecret: 260 };
/** The templates' database driver gives up connecting after 5 seconds. */
const CONNECT_TIMEOUT_MS = 5000;

/** The execution role's session as CloudTrail names a Lambda function's calls. */
export function roleSessionArn(fn: LambdaFunction): string {
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(fn.role);
  return match ? `arn:aws:sts::${match[1]}:assumed-role/${match[2]}/${fn.functionName}` : fn.role;
}

export function triggeredFault(ctx: OperationContext, functionArn: string, step: RotationStep): FaultKind | undefined {
  const fault = rotationState(ctx.world).faults[functionArn]?.[step];
  if (!fault) return undefined;
  if (fault.probability === undefined || ctx.rng.nextFloat() < fault.probability) return fault.kind;
  return undefined;
}

/**
 * Invokes the run's rotation function for one step, as Secrets Manager does: the function runs on virtual time,
 * makes its calls through the pipeline as its execution role, and ends in success, an exception, or a timeout at its
 * configured Timeout. A function with no route to Secrets Manager hangs on its first call until it times out, as in a
 * VPC without an endpoint or NAT gateway. The invocation is metered for Lambda (requests and MB-milliseconds) to the
 * secret's account.
 */
export function invokeStep(ctx: OperationContext, caller: PipelineCaller, run: RotationRun, step: RotationStep): StepLog {
  const startedAt = ctx.now;
  const fn = functionByArn(ctx.world, run.functionArn);
  if (!fn) {
    // Managed rotation (a secret owned by RDS or another service) runs without a Lambda; SecretsLab does not simulate it.
    const cause = run.functionArn
      ? `Function not found: ${run.functionArn}`
      : 'This secret has no rotation function: managed rotation by the owning service is not simulated in SecretsLab';
    return { step, startedAt, endedAt: startedAt, outcome: 'failed', cause, calls: [] };
  }
  const timeoutMs = fn.timeout * 1000;
  const fault = triggeredFault(ctx, fn.functionArn, step);
  const client = new FunctionClient(caller, roleSessionArn(fn), fn.region);
  let durationMs = BASE_MS[step] + ctx.rng.nextInt(200);
  let outcome: StepLog['outcome'] = 'succeeded';
  let cause: string | undefined;
  if (fault === 'timeout' || fn.network.secretsManagerRoute === 'none') {
    outcome = 'timedOut';
    durationMs = timeoutMs;
    cause = fault === 'timeout' ? 'injected: the function hung' : 'no route from the function to Secrets Manager (no VPC endpoint or NAT gateway)';
  } else if (fault === 'permissionDenied') {
    outcome = 'failed';
    const message = `User: ${roleSessionArn(fn)} is not authorized to perform: secretsmanager:DescribeSecret on resource: ${run.secretArn} because no identity-based policy allows the secretsmanager:DescribeSecret action`;
    client.calls.push({ operation: 'DescribeSecret', summary: 'SecretId (injected denial)', errorCode: 'AccessDeniedException' });
    cause = `An error occurred (AccessDeniedException) when calling the DescribeSecret operation: ${message}`;
  } else {
    let unreachable = false;
    try {
      runStep(step, {
        client,
        secretArn: run.secretArn,
        token: run.token,
        template: fn.template,
        wrongPassword: fault === 'wrongPassword',
        configurationTest: run.mode === 'test',
        database: (host) => {
          if (!fn.network.databaseRoute || fault === 'databaseUnreachable') {
            unreachable = true;
            return 'unreachable';
          }
          return databaseByHost(ctx.world, host);
        },
      });
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error;
      outcome = 'failed';
      cause = error.message;
    }
    if (unreachable) durationMs += CONNECT_TIMEOUT_MS;
    if (durationMs > timeoutMs) {
      outcome = 'timedOut';
      durationMs = timeoutMs;
      cause = unreachable ? 'the database did not answer before the function timed out' : 'the step ran past the function timeout';
    }
  }
  if (outcome === 'timedOut') cause = `Task timed out after ${fn.timeout.toFixed(2)} seconds (${cause})`;
  ctx.meter('lambda:Requests', 1, run.accountId);
  ctx.meter('lambda:MbMs', fn.memorySize * durationMs, run.accountId);
  return { step, startedAt, endedAt: startedAt + durationMs, outcome, ...(cause !== undefined ? { cause } : {}), calls: client.calls };
}
