import type { OperationContext } from '../kernel/index.ts';
import type { Secret } from '../secrets/index.ts';
import { momentInWindow, nextRotationWindow, parseRotationRules, shownNextRotationDate } from './schedule.ts';
import { rotationState } from './store.ts';

export const SCHEDULED_TASK = 'secretsmanager.rotation.scheduled';

/**
 * Plans the secret's next automatic rotation: the next window after `last` (a rotation, or a manual change, which
 * Secrets Manager counts as one), a seeded moment inside it, and NextRotationDate as DescribeSecret shows it.
 * A secret with rotation off, or with no rules (rotated only on request), gets no plan.
 */
export function planNextRotation(ctx: OperationContext, secret: Secret, last: number): void {
  const state = rotationState(ctx.world);
  // A planned window has its task waiting; once it fired (or none was planned) there is nothing to take back, and
  // scanning the schedule for nothing is what a year of rotations for a thousand secrets would spend its time on.
  if (state.windows[secret.arn]) {
    ctx.unschedule((task) => task.kind === SCHEDULED_TASK && task.payload.arn === secret.arn);
    delete state.windows[secret.arn];
  }
  const rotation = secret.rotation;
  if (!rotation?.enabled || !rotation.rules || (rotation.rules.automaticallyAfterDays === undefined && rotation.rules.scheduleExpression === undefined)) {
    if (rotation) delete rotation.nextRotationDate;
    return;
  }
  const window = nextRotationWindow(parseRotationRules(rotation.rules), last, ctx.now);
  const at = Math.max(ctx.now, momentInWindow(window, ctx.rng));
  rotation.nextRotationDate = shownNextRotationDate(window);
  state.windows[secret.arn] = { ...window, at };
  ctx.schedule({
    at,
    kind: SCHEDULED_TASK,
    payload: { arn: secret.arn, accountId: secret.accountId, region: secret.region },
    description: `Scheduled rotation of ${secret.name}`,
  });
}
