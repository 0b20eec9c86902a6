import { rotationMachine } from '../../../engine/index.ts';

export interface ChartNode {
  id: string;
  x: number;
  y: number;
  final: boolean;
}

export interface ChartEdge {
  from: string;
  to: string;
  event: string;
}

const STEP_ROW = ['createSecret', 'setSecret', 'testSecret', 'finishSecret', 'succeeded'];
const FINAL_ROW = ['failed', 'tested', 'abandoned', 'cancelled'];
export const NODE_W = 118;
export const NODE_H = 34;

/**
 * The picture is read from the machine the engine runs (DESIGN.md: the UI draws the same machine), so a state or
 * transition added there appears here. Only placement is decided here: the steps in a row, the endings below.
 */
export function statechartLayout(): { nodes: ChartNode[]; edges: ChartEdge[]; width: number; height: number } {
  const config = rotationMachine.config.states ?? {};
  const ids = Object.keys(config).filter((id) => id !== 'starting');
  const nodes: ChartNode[] = ids.map((id) => {
    const step = STEP_ROW.indexOf(id);
    const final = FINAL_ROW.indexOf(id);
    const placed = step >= 0 ? { x: 10 + step * 150, y: 20 } : { x: 85 + Math.max(final, 0) * 150, y: 130 };
    return { id, ...placed, final: (config[id] as { type?: string }).type === 'final' };
  });
  const edges: ChartEdge[] = [];
  for (const id of ids) {
    const on = ((config[id] as { on?: Record<string, unknown> }).on ?? {}) as Record<string, unknown>;
    for (const [event, target] of Object.entries(on)) {
      const targets = Array.isArray(target) ? target : [target];
      for (const t of targets) {
        const to = typeof t === 'string' ? t : (t as { target?: string }).target;
        if (to) edges.push({ from: id, to: to.replace(/^\./, ''), event });
      }
    }
  }
  // Abandoned and cancelled can happen from any step: the machine says so once, at its root.
  for (const [event, target] of Object.entries((rotationMachine.config.on ?? {}) as Record<string, string>)) {
    edges.push({ from: '*', to: target.replace(/^\./, ''), event });
  }
  return { nodes, edges, width: 10 + STEP_ROW.length * 150, height: 180 };
}
