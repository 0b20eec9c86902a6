import type { OperationContext } from '../kernel/index.ts';
import { AWSCURRENT, AWSPENDING, type Secret } from '../secrets/index.ts';
import type { PipelineCaller } from './function-client.ts';
import { invokeStep, triggeredFault } from './invoke.ts';
import { functionByArn } from '../lambda/index.ts';
import { invocationResultSchema, requestInvocation, runsLearnerCode, stepLogOf } from './invocations.ts';
import { advanceRun, isFinal, startRun, type RunAction } from './machine-driver.ts';
import type { RotationEvent, RunMode } from './rotation.machine.ts';
import { planNextRotation } from './scheduling.ts';
import type { RotationRun, StepLog } from './state.ts';
import { archiveRun, rotationState, secretByArn } from './store.ts';
import { settleApplications } from './traffic.ts';

export const BEGIN_TASK = 'secretsmanager.rotation.begin';
export const ADVANCE_TASK = 'secretsmanager.rotation.advance';
/** Secrets Manager invokes the function shortly after RotateSecret returns: the rotation is asynchronous. */
const INVOKE_DELAY_MS = 1000;

function event(ctx: OperationContext, secret: Secret, name: string, details: Record<string, unknown>): void {
  ctx.emitServiceEvent({
    service: 'secretsmanager',
    eventName: name,
    accountId: secret.accountId,
    resources: [{ arn: secret.arn, accountId: secret.accountId }],
    details: { secretId: secret.arn, ...details },
  });
}

/**
 * Starts a run (RotateSecret, or a scheduled window): the empty AWSPENDING version whose id is the token is created
 * now (a reattempt reuses the one a failed run left), and the first invocation follows on virtual time. Runs inside
 * the RotateSecret call, so it only changes data and schedules work; the function's own calls come later.
 */
export function beginRun(ctx: OperationContext, secret: Secret, token: string, mode: RunMode, trigger: RotationRun['trigger']): RotationRun {
  const state = rotationState(ctx.world);
  const previous = state.runs[secret.arn];
  if (previous) {
    if (!isFinal(previous.state)) {
      previous.state = 'cancelled';
      previous.endedAt = ctx.now;
      previous.cause = 'superseded by a new rotation request';
      delete previous.awaiting;
      // Only a run still in flight has work waiting on the schedule.
      ctx.unschedule((task) => (task.kind === BEGIN_TASK || task.kind === ADVANCE_TASK) && task.payload.arn === secret.arn);
    }
    archiveRun(state, previous);
  }
  if (!secret.versions[token]) {
    // AWSPENDING sits on at most one version: a finished run may have left it on the current version.
    // A secret keeps up to a hundred deprecated versions: only the one holding the label is rewritten.
    for (const id in secret.versions) {
      const version = secret.versions[id]!;
      if (version.stages.includes(AWSPENDING)) version.stages = version.stages.filter((s) => s !== AWSPENDING);
    }
    secret.versions[token] = { versionId: token, createdDate: ctx.now, stages: [AWSPENDING] };
  }
  const run: RotationRun = {
    runId: state.nextRunId++,
    secretArn: secret.arn,
    accountId: secret.accountId,
    region: secret.region,
    token,
    functionArn: secret.rotation?.lambdaArn ?? '',
    mode,
    state: 'createSecret',
    trigger,
    startedAt: ctx.now,
    steps: [],
  };
  state.runs[secret.arn] = run;
  event(ctx, secret, 'RotationStarted', { clientRequestToken: token, trigger, rotateImmediately: mode === 'rotate' });
  ctx.schedule({
    at: ctx.now + INVOKE_DELAY_MS,
    kind: BEGIN_TASK,
    payload: { arn: secret.arn, accountId: secret.accountId, region: secret.region, runId: run.runId },
    description: `Rotation of ${secret.name}: invoke the rotation function`,
  });
  return run;
}

/** The first transition of a run's statechart (task BEGIN_TASK). */
export function onBegin(ctx: OperationContext, caller: PipelineCaller, payload: { arn: string; runId: number }): void {
  const run = rotationState(ctx.world).runs[payload.arn];
  if (!run || run.runId !== payload.runId) return;
  const start = startRun(run.mode);
  run.state = start.state;
  perform(ctx, caller, run, start.actions);
}

/** A step finished (task ADVANCE_TASK): the statechart moves on, or learns that a manual change abandoned the run. */
export function onAdvance(ctx: OperationContext, caller: PipelineCaller, payload: { arn: string; runId: number; event: RotationEvent['type'] }): void {
  const run = rotationState(ctx.world).runs[payload.arn];
  if (!run || run.runId !== payload.runId || isFinal(run.state)) return;
  const eventType = wasAbandoned(ctx, run) ? 'rotation.abandoned' : payload.event;
  deliver(ctx, caller, run, eventType);
}

export function deliver(ctx: OperationContext, caller: PipelineCaller, run: RotationRun, eventType: RotationEvent['type']): void {
  const next = advanceRun(run.mode, run.state, eventType);
  // A cancelled or abandoned run no longer waits for a learner's handler.
  if (run.awaiting && isFinal(next.state)) delete run.awaiting;
  run.state = next.state;
  perform(ctx, caller, run, next.actions);
}

function labelsOf(secret: Secret): Record<string, string[]> {
  const labels: Record<string, string[]> = {};
  for (const id in secret.versions) {
    const version = secret.versions[id]!;
    if (version.stages.length > 0) labels[version.versionId] = [...version.stages];
  }
  return labels;
}

/** AWSPENDING was taken off the run's version by a manual change (PutSecretValue or UpdateSecret took AWSCURRENT). */
function wasAbandoned(ctx: OperationContext, run: RotationRun): boolean {
  const secret = secretByArn(ctx.world, run.secretArn);
  const version = secret?.versions[run.token];
  return !version || (!version.stages.includes(AWSPENDING) && !version.stages.includes(AWSCURRENT));
}

function perform(ctx: OperationContext, caller: PipelineCaller, run: RotationRun, actions: readonly RunAction[]): void {
  for (const action of actions) {
    if (action.type === 'invokeStep') {
      // Applications see the world change at setSecret (the database) and finishSecret (AWSCURRENT): settle first.
      if (action.step === 'setSecret' || action.step === 'finishSecret') settleApplications(ctx, caller, run.secretArn);
      const fn = functionByArn(ctx.world, run.functionArn);
      if (runsLearnerCode(fn)) {
        const fault = triggeredFault(ctx, fn.functionArn, action.step);
        if (fault !== 'timeout') {
          // The learner's handler runs in the host's sandbox; the run resumes in onComplete.
          requestInvocation(ctx, run, action.step);
          continue;
        }
        const log = { step: action.step, startedAt: ctx.now, endedAt: ctx.now + fn.timeout * 1000, outcome: 'timedOut' as const, cause: `Task timed out after ${fn.timeout.toFixed(2)} seconds (injected: the function hung)`, calls: [] };
        meterInvocation(ctx, run, fn.memorySize, log);
        recordStep(ctx, run, log);
        continue;
      }
      recordStep(ctx, run, invokeStep(ctx, caller, run, action.step));
    } else {
      finish(ctx, run, action.outcome);
    }
  }
}

/** The step ended: its log keeps the labels as they are now, and the statechart hears of it when the step's time is up. */
function recordStep(ctx: OperationContext, run: RotationRun, log: StepLog): void {
  const secret = secretByArn(ctx.world, run.secretArn);
  if (secret) log.labelsAfter = labelsOf(secret);
  run.steps.push(log);
  ctx.schedule({
    at: Math.max(log.endedAt, ctx.now),
    kind: ADVANCE_TASK,
    payload: { arn: run.secretArn, accountId: run.accountId, region: run.region, runId: run.runId, event: log.outcome === 'succeeded' ? 'step.succeeded' : 'step.failed' },
    description: `Rotation of ${secret?.name ?? run.secretArn}: ${log.step} ends`,
  });
}

function meterInvocation(ctx: OperationContext, run: RotationRun, memorySize: number, log: StepLog): void {
  ctx.meter('lambda:Requests', 1, run.accountId);
  ctx.meter('lambda:MbMs', memorySize * (log.endedAt - log.startedAt), run.accountId);
}

/** The host ran the learner's handler (task COMPLETE_TASK): the step's log is recorded and the run goes on. */
export function onComplete(ctx: OperationContext, payload: { result: unknown }): void {
  const result = invocationResultSchema.parse(payload.result);
  const run = rotationState(ctx.world).runs[result.secretArn];
  // A report for a run that was cancelled, superseded or already answered is stale: it changes nothing.
  if (!run || run.runId !== result.runId || !run.awaiting || run.awaiting.step !== result.step || isFinal(run.state)) return;
  const fn = functionByArn(ctx.world, run.functionArn);
  const log = stepLogOf(result, run.awaiting.requestedAt, fn?.timeout ?? 3);
  delete run.awaiting;
  meterInvocation(ctx, run, fn?.memorySize ?? 128, log);
  recordStep(ctx, run, log);
}

function finish(ctx: OperationContext, run: RotationRun, outcome: string): void {
  run.endedAt = ctx.now;
  const secret = secretByArn(ctx.world, run.secretArn);
  if (!secret) return;
  const last = run.steps[run.steps.length - 1];
  if (outcome === 'succeeded') {
    secret.rotation = { ...(secret.rotation ?? { enabled: true }), lastRotatedDate: ctx.now };
    event(ctx, secret, 'RotationSucceeded', { clientRequestToken: run.token });
    planNextRotation(ctx, secret, ctx.now);
  } else if (outcome === 'tested') {
    // RotateImmediately=false: the version made for the test is removed again.
    const version = secret.versions[run.token];
    if (version) {
      version.stages = version.stages.filter((s) => s !== AWSPENDING);
      if (version.stages.length === 0 && !version.value) delete secret.versions[run.token];
    }
    planNextRotation(ctx, secret, secret.rotation?.lastRotatedDate ?? ctx.now);
  } else if (outcome === 'failed') {
    run.failedStep = last?.step;
    run.cause = last?.cause;
    event(ctx, secret, 'RotationFailed', { clientRequestToken: run.token, step: last?.step, cause: last?.cause });
    // The pending version stays; the next window reattempts the rotation with the same token.
    planNextRotation(ctx, secret, ctx.now);
  } else if (outcome === 'abandoned') {
    run.cause = 'A manual change took AWSCURRENT while the rotation was in progress.';
    planNextRotation(ctx, secret, ctx.now);
  }
}
