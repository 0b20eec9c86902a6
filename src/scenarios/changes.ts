import { deployFunctionCode, setApplicationCaching, setFunctionNetwork, type Simulator } from '../engine/index.ts';
import { isLabFileArgument, labFileText } from './lab-files.ts';
import type { ChangeName } from './schema.ts';

/**
 * The changes outside AWS a learner can make in a lab, each mapped onto the engine's named control. They stand for
 * work in the learner's own code or network, so they are shown as "outside AWS" and never as API calls.
 */
export type ChangePath = (name: string, args: unknown[]) => void;

const CHANGES: Record<ChangeName, (simulator: Simulator, args: unknown[]) => void> = {
  /** args: [application name, { cache: true | ttl ms | false, refreshOnAuthFailure? }] */
  useCachingClient: (simulator, [application, caching]) =>
    setApplicationCaching(simulator, String(application), (caching ?? { cache: true }) as Parameters<typeof setApplicationCaching>[2]),
  /** args: [function ARN, { secretsManagerRoute?: 'endpoint' | 'nat' | 'none', databaseRoute?: boolean }] */
  setFunctionNetwork: (simulator, [functionArn, network]) =>
    setFunctionNetwork(simulator, String(functionArn), network as Parameters<typeof setFunctionNetwork>[2]),
  /** args: [function ARN, the handler: its source, a `{ file }` of the lab (see lab-files.ts), or null for the template] */
  deployFunctionCode: (simulator, [functionArn, handler]) => {
    const source = isLabFileArgument(handler) ? labFileText(handler) : handler;
    if (source !== undefined && source !== null && typeof source !== 'string') throw new Error('deployFunctionCode takes the handler source as a string.');
    deployFunctionCode(simulator, String(functionArn), source ?? undefined);
  },
};

export function changePath(simulator: Simulator): ChangePath {
  return (name, args) => {
    const change = CHANGES[name as ChangeName];
    if (!change) throw new Error(`Unknown change ${name}`);
    change(simulator, args);
  };
}
