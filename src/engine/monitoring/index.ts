/**
 * Monitoring and detection: CloudWatch (metrics, alarms), EventBridge (rules, the app's inbox) and Security Hub
 * (control findings). Each is its own service module; the engine's wiring passes in the one outside check they use.
 */
import type { ServiceModule } from '../kernel/index.ts';
import { cloudWatchModule } from './cloudwatch/module.ts';
import { eventsModule } from './events/module.ts';
import type { FindingDeps } from './findings/evaluate.ts';
import { createSecurityHubModule } from './findings/module.ts';

export function createMonitoringModules(deps: FindingDeps): ServiceModule[] {
  return [cloudWatchModule, eventsModule, createSecurityHubModule(deps)];
}

export type { FindingDeps } from './findings/evaluate.ts';
export { CONTROLS } from './findings/controls.ts';
export type { Finding } from './findings/state.ts';
export type { InboxItem } from './events/state.ts';
export type { AlarmState, MetricAlarm } from './cloudwatch/state.ts';
export {
  CALL_COUNT,
  RESOURCE_COUNT,
  RESOURCE_COUNT_DIMENSIONS,
  ROTATION_FAILED,
  ROTATION_NAMESPACE,
  ROTATION_SUCCEEDED,
  SECRETS_NAMESPACE,
  USAGE_NAMESPACE,
  callCountMetric,
} from './cloudwatch/metric-names.ts';
export { MINUTE_RETENTION, HOUR_RETENTION } from './cloudwatch/metric-store.ts';
