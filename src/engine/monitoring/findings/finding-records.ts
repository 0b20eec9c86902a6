import type { LogEntry, RecordKeeper, World } from '../../kernel/index.ts';
import { catchUpPeriodicChecks, checkChangedResource, runAllChecks, type FindingDeps } from './evaluate.ts';
import { emptyFindingRecords, findingRecordsSchema, type FindingRecords } from './state.ts';

const WATCHED = new Set(['secretsmanager', 'kms']);

/** The ARNs a successful write touched, including the one a Create… call made (named only in its response). */
function touchedArns(entry: LogEntry): string[] {
  const arns = entry.resources.map((r) => r.arn);
  if (entry.kind === 'call' && entry.responseElements) {
    const response = entry.responseElements as { arn?: unknown; keyMetadata?: { arn?: unknown } };
    if (typeof response.arn === 'string') arns.push(response.arn);
    if (typeof response.keyMetadata?.arn === 'string') arns.push(response.keyMetadata.arn);
  }
  return arns;
}

/**
 * Security Hub's change-triggered checks: AWS Config sees a configuration change of a secret or key and the
 * controls that run on change re-evaluate that resource. Reads and refused calls change nothing and trigger nothing.
 * The record stream also carries the rotation outcomes SecretsManager.2 needs.
 */
export function findingRecordKeeper(deps: FindingDeps): RecordKeeper<FindingRecords> {
  return {
    schema: findingRecordsSchema,
    initial: emptyFindingRecords,
    observe(records: FindingRecords, entry: LogEntry, world: World) {
      if (entry.eventTime >= records.nextPeriodicRun) catchUpPeriodicChecks(world, deps, entry.eventTime);
      if (entry.kind === 'call' && entry.service === 'securityhub' && entry.operation === 'UpdateSecurityControl' && !entry.errorCode) {
        // New parameter values apply at once: every control is checked again with them.
        runAllChecks(world, deps, entry.eventTime);
        return;
      }
      if (!WATCHED.has(entry.service)) return;
      if (entry.kind === 'call') {
        if (entry.readOnly || entry.errorCode) return;
      } else if (entry.eventName === 'RotationSucceeded' || entry.eventName === 'RotationFailed') {
        const arn = entry.resources[0]?.arn;
        if (arn) records.rotationOutcomes[arn] = { failed: entry.eventName === 'RotationFailed', at: entry.eventTime };
      }
      for (const arn of new Set(touchedArns(entry))) checkChangedResource(world, deps, arn, entry.eventTime);
    },
  };
}
