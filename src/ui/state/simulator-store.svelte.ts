import { createSimulator, type CallRequest, type CallResult, type Simulator } from '../../engine/index.ts';

/**
 * The one place the app holds the engine. Components read `version` to re-render after any change: the engine is
 * a plain object graph, so a counter bumped on every simulator event is cheaper than deep reactive proxies.
 */
export class SimulatorStore {
  readonly simulator: Simulator;
  version = $state(0);

  constructor(simulator: Simulator = createSimulator()) {
    this.simulator = simulator;
    simulator.subscribe(() => {
      this.version++;
    });
  }

  call<O = unknown>(request: CallRequest): CallResult<O> {
    return this.simulator.call<O>(request);
  }
}
