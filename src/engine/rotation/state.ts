import { z } from 'zod';
import { ROTATION_STEPS } from './rotation.machine.ts';

export const FAULT_KINDS = ['wrongPassword', 'timeout', 'databaseUnreachable', 'permissionDenied'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault staged on one step of a function: always (no probability) or with a seeded probability. */
export const faultSchema = z.object({ kind: z.enum(FAULT_KINDS), probability: z.number().min(0).max(1).optional() });

export const stepCallSchema = z.object({
  /** Absent: Secrets Manager. A host name: a third-party API the learner's function called. */
  service: z.string().optional(),
  operation: z.string(),
  /** What the call asked for, without values (VersionStage, VersionId, ...). */
  summary: z.string(),
  errorCode: z.string().optional(),
});

export const stepLogSchema = z.object({
  step: z.enum(ROTATION_STEPS),
  startedAt: z.number(),
  endedAt: z.number(),
  outcome: z.enum(['succeeded', 'failed', 'timedOut']),
  cause: z.string().optional(),
  calls: z.array(stepCallSchema),
  /** What a learner-written function printed (its CloudWatch Logs lines), capped. */
  logs: z.array(z.string()).optional(),
  /** The secret's staging labels when the step ended (labelled versions only), so the view can show them move. */
  labelsAfter: z.record(z.string(), z.array(z.string())).optional(),
});

export const runSchema = z.object({
  runId: z.number().int(),
  secretArn: z.string(),
  accountId: z.string(),
  region: z.string(),
  token: z.string(),
  functionArn: z.string(),
  mode: z.enum(['rotate', 'test']),
  /** The statechart's state (rotation.machine.ts). */
  state: z.enum(['createSecret', 'setSecret', 'testSecret', 'finishSecret', 'succeeded', 'tested', 'failed', 'abandoned', 'cancelled']),
  trigger: z.enum(['RotateSecret', 'schedule']),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  failedStep: z.enum(ROTATION_STEPS).optional(),
  /** The event's RotationToken (AWS sends one with every invocation; PutSecretValue accepts it). */
  rotationToken: z.string().optional(),
  /** A step handed to a learner-written function, whose sandbox runs outside the engine and reports back. */
  awaiting: z.object({ step: z.enum(ROTATION_STEPS), requestedAt: z.number() }).optional(),
  cause: z.string().optional(),
  steps: z.array(stepLogSchema),
});

export const rotationStateSchema = z.object({
  nextRunId: z.number().int(),
  /** The latest run of each secret, by secret ARN (in progress or finished). */
  runs: z.record(z.string(), runSchema),
  /** Earlier finished runs, newest last, a few per secret. */
  history: z.record(z.string(), z.array(runSchema)),
  /** Faults staged per function ARN and step. */
  faults: z.record(z.string(), z.record(z.string(), faultSchema)),
  /** The window of the next scheduled rotation per secret ARN, for the view. */
  windows: z.record(z.string(), z.object({ start: z.number(), end: z.number(), at: z.number() })),
});

export type Fault = z.infer<typeof faultSchema>;
export type StepCall = z.infer<typeof stepCallSchema>;
export type StepLog = z.infer<typeof stepLogSchema>;
export type RotationRun = z.infer<typeof runSchema>;
export type RotationState = z.infer<typeof rotationStateSchema>;

export function emptyRotationState(): RotationState {
  return { nextRunId: 1, runs: {}, history: {}, faults: {}, windows: {} };
}
