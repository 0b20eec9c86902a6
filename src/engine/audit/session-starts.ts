import { HOUR } from '../clock/index.ts';
import type { LogEntry, World } from '../kernel/index.ts';
import { iamState } from '../iam/index.ts';

/**
 * When each role session began, for sessionContext.attributes.creationDate. The session itself does not keep it, so
 * the history notes it when it sees the AssumeRole call that made the session: keyed by the session's access key.
 */
export type SessionStarts = Record<string, number>;

/** Sessions last at most 12 hours (MaxSessionDuration); their start is kept a day and a half, then dropped. */
const KEEP_MS = 36 * HOUR;
const PRUNE_ABOVE = 500;

export function noteSessionStart(starts: SessionStarts, entry: LogEntry, world: World): void {
  if (entry.kind !== 'call' || entry.service !== 'sts' || entry.errorCode || !entry.operation.startsWith('AssumeRole')) return;
  const request = entry.requestParameters as { roleArn?: unknown; roleSessionName?: unknown } | null;
  if (!request || typeof request.roleArn !== 'string') return;
  for (const session of Object.values(iamState(world).sessions)) {
    if (session.roleArn === request.roleArn && session.sessionName === request.roleSessionName && starts[session.accessKeyId] === undefined) {
      starts[session.accessKeyId] = entry.eventTime;
    }
  }
  const keys = Object.keys(starts);
  if (keys.length > PRUNE_ABOVE) for (const key of keys) if (starts[key]! < entry.eventTime - KEEP_MS) delete starts[key];
}
