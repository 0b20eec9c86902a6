export * from './schema.ts';
export { parseLab, parseLabs, labSourcesFromFiles, LabContentError, type LabSource } from './loader.ts';
export { buildLabWorld, labSnapshot, runSolution, applySolution, LabSetupError, type SolutionStep, type AdvanceClock, type AdvanceFor } from './lab-world.ts';
export { evaluateGoals, checkField, type GoalResult, type GoalContext } from './goals.ts';
export { prepareCall, simulatorPath, durationMs, type CallPath, type PreparedCall, type ActionOutcome } from './actions.ts';
export { substitute, MissingVariableError, type Variables } from './variables.ts';
export { changePath, type ChangePath } from './changes.ts';
