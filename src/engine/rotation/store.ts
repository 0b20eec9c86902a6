import type { World } from '../kernel/index.ts';
import { findSecret, type Secret } from '../secrets/index.ts';
import type { RotationRun, RotationState } from './state.ts';

export function rotationState(world: World): RotationState {
  return world.services.rotation as RotationState;
}

export function secretByArn(world: World, arn: string): Secret | undefined {
  const match = /^arn:aws:secretsmanager:([a-z0-9-]+):(\d{12}):secret:/.exec(arn);
  if (!match) return undefined;
  return findSecret(world, arn, match[2]!, match[1]!);
}

const HISTORY = 10;

/** Keeps a finished run in the secret's history (a few per secret: enough for the view, small in snapshots). */
export function archiveRun(state: RotationState, run: RotationRun): void {
  const list = (state.history[run.secretArn] ??= []);
  list.push(run);
  if (list.length > HISTORY) list.splice(0, list.length - HISTORY);
}
