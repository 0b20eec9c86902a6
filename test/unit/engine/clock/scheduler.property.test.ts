import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTask, emptySchedule, removeTasks, sortSchedule, takeDueTask, type ScheduledTask } from '../../../../src/engine/clock/index.ts';

type Op = { type: 'add'; at: number } | { type: 'take'; until: number } | { type: 'remove'; kind: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  // Few distinct instants, so equal instants (the tie-break) are common.
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 20 }).map((at) => ({ type: 'add' as const, at })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 20 }).map((until) => ({ type: 'take' as const, until })) },
  { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'c').map((kind) => ({ type: 'remove' as const, kind })) },
);

describe('the scheduler', () => {
  it('keeps tasks ordered by instant, then by scheduling order, whatever is added, taken or removed', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const schedule = emptySchedule();
        // The model: every live task, ordered by a full sort (what the scheduler did before it inserted in place).
        let model: ScheduledTask[] = [];
        ops.forEach((o, i) => {
          if (o.type === 'add') {
            const kind = ['a', 'b', 'c'][i % 3]!;
            const task = addTask(schedule, { at: o.at, kind, payload: { i }, description: `task ${i}` });
            model = [...model, task].sort((x, y) => x.at - y.at || x.id - y.id);
          } else if (o.type === 'take') {
            const taken = takeDueTask(schedule, o.until);
            const expected = model[0] && model[0].at <= o.until ? model.shift() : undefined;
            expect(taken).toBe(expected);
          } else {
            const removed = removeTasks(schedule, (t) => t.kind === o.kind);
            const kept = model.filter((t) => t.kind !== o.kind);
            expect(removed).toBe(model.length - kept.length);
            model = kept;
          }
          expect(schedule.tasks).toEqual(model);
        });
      }),
    );
  });

  it('puts a hand-written schedule in order, and leaves an ordered one as it is', () => {
    const schedule = { nextTaskId: 4, tasks: [3, 1, 2].map((id) => ({ id, at: id === 3 ? 5 : 10, kind: 'k', payload: {}, description: '' })) };
    sortSchedule(schedule);
    expect(schedule.tasks.map((t) => t.id)).toEqual([3, 1, 2]);
    const unordered = { nextTaskId: 3, tasks: [{ id: 2, at: 7, kind: 'k', payload: {}, description: '' }, { id: 1, at: 7, kind: 'k', payload: {}, description: '' }] };
    sortSchedule(unordered);
    expect(unordered.tasks.map((t) => t.id)).toEqual([1, 2]);
    addTask(unordered, { at: 7, kind: 'k', payload: {}, description: '' });
    expect(unordered.tasks.map((t) => t.id)).toEqual([1, 2, 3]);
  });
});
