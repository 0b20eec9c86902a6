import type { OperationContext, ServiceModule } from '../kernel/index.ts';
import { uuid } from '../ids/index.ts';
import { functionByArn } from '../lambda/index.ts';
import { AWSCURRENT, AWSPENDING, type RotationPort, type Secret } from '../secrets/index.ts';
import type { PipelineCaller } from './function-client.ts';
import { isFinal } from './machine-driver.ts';
import { ADVANCE_TASK, BEGIN_TASK, beginRun, deliver, onAdvance, onBegin, onComplete } from './run.ts';
import { COMPLETE_TASK } from './invocations.ts';
import { parseRotationRules, type RotationRulesInput } from './schedule.ts';
import { planNextRotation, SCHEDULED_TASK } from './scheduling.ts';
import { emptyRotationState, rotationStateSchema } from './state.ts';
import { rotationState, secretByArn } from './store.ts';

export interface RotationEngine {
  /** Runs, faults and schedule windows in the world, and the handlers of the rotation's scheduled work. */
  module: ServiceModule;
  /** What Secrets Manager's operations ask of rotation. */
  port: RotationPort;
  /** Gives the engine the simulator's pipeline, which the rotation function's calls go through. */
  attach(caller: PipelineCaller): void;
}

/** Secrets Manager may invoke a function whose resource policy grants lambda:InvokeFunction to the service. */
function invokableBySecretsManager(ctx: OperationContext, functionArn: string): boolean {
  const fn = functionByArn(ctx.world, functionArn);
  if (!fn || fn.region !== ctx.region) return false;
  return fn.permissions.some((p) => p.principal === 'secretsmanager.amazonaws.com' && (p.action === 'lambda:InvokeFunction' || p.action === 'lambda:*'));
}

export function createRotationEngine(): RotationEngine {
  let caller: PipelineCaller | undefined;
  const pipeline = (): PipelineCaller => {
    if (!caller) throw new Error('The rotation engine is not attached to a simulator (see createSimulator in engine/index.ts)');
    return caller;
  };

  const port: RotationPort = {
    canInvoke: invokableBySecretsManager,
    validateRules(rules: RotationRulesInput) {
      parseRotationRules(rules);
    },
    start(ctx, secret, token, rotateImmediately) {
      if (!rotateImmediately) planNextRotation(ctx, secret, secret.rotation?.lastRotatedDate ?? ctx.now);
      beginRun(ctx, secret, token, rotateImmediately ? 'rotate' : 'test', 'RotateSecret');
    },
    cancel(ctx, secret) {
      const state = rotationState(ctx.world);
      const run = state.runs[secret.arn];
      delete state.windows[secret.arn];
      if (!run || isFinal(run.state)) return;
      // CancelRotateSecret has already removed the run's scheduled work; the statechart records the cancellation.
      deliver(ctx, pipeline(), run, 'rotation.cancelled');
      run.cause = 'CancelRotateSecret';
    },
    manualChange(ctx, secret) {
      // "Manually updating the secret value ... is considered a valid rotation" (RotationRulesType).
      if (secret.rotation?.enabled) planNextRotation(ctx, secret, ctx.now);
    },
  };

  const module: ServiceModule = {
    name: 'rotation',
    iamPrefix: 'secretsmanager',
    targetPrefix: 'SecretsLabRotation',
    stateSchema: rotationStateSchema,
    initialState: emptyRotationState,
    operations: [],
    taskHandlers: {
      [BEGIN_TASK]: (ctx, payload) => onBegin(ctx, pipeline(), payload as { arn: string; runId: number }),
      [ADVANCE_TASK]: (ctx, payload) => onAdvance(ctx, pipeline(), payload as Parameters<typeof onAdvance>[2]),
      [SCHEDULED_TASK]: (ctx, payload) => onScheduled(ctx, String(payload.arn)),
      [COMPLETE_TASK]: (ctx, payload) => onComplete(ctx, payload as { result: unknown }),
    },
  };

  return {
    module,
    port,
    attach(next) {
      caller = next;
    },
  };
}

/** A window opened: rotate, reattempting a failed run's pending version if one is left (same token). */
function onScheduled(ctx: OperationContext, arn: string): void {
  // This window's task has fired: the plan is spent.
  delete rotationState(ctx.world).windows[arn];
  const secret: Secret | undefined = secretByArn(ctx.world, arn);
  if (!secret || secret.deletedDate !== undefined || !secret.rotation?.enabled) return;
  const run = rotationState(ctx.world).runs[arn];
  if (run && !isFinal(run.state)) {
    planNextRotation(ctx, secret, ctx.now);
    return;
  }
  beginRun(ctx, secret, pendingVersionId(secret) ?? uuid(ctx.rng), 'rotate', 'schedule');
}

/** The version a failed run left as AWSPENDING, if any (a loop, not a copy of up to a hundred versions per window). */
function pendingVersionId(secret: Secret): string | undefined {
  for (const id in secret.versions) {
    const stages = secret.versions[id]!.stages;
    if (stages.includes(AWSPENDING) && !stages.includes(AWSCURRENT)) return secret.versions[id]!.versionId;
  }
  return undefined;
}
