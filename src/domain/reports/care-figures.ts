// Care callbacks after faults (故障回访) owed in a region in a month (opened by a
// restore in it): how many were done within their working-hours promise, how many
// late (done after it, or still undone past it), and what the customers said.
import type { Deps } from '../deps.ts';

export type CareFigures = {
  owed: number;
  doneInTime: number;
  late: number;
  /** Not done yet and not yet due. */
  open: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
};

export async function careFigures(deps: Deps, input: { regionCode: string; start: Date; end: Date }): Promise<CareFigures> {
  const now = deps.clock.now();
  const callbacks = await deps.db.careCallback.findMany({
    where: { regionCode: input.regionCode, createdAt: { gte: input.start, lt: input.end } },
    select: { dueAt: true, doneAt: true, satisfaction: true },
  });
  const doneInTime = callbacks.filter((c) => c.doneAt && c.doneAt <= c.dueAt).length;
  const open = callbacks.filter((c) => !c.doneAt && c.dueAt >= now).length;
  const said = (s: string) => callbacks.filter((c) => c.satisfaction === s).length;
  return {
    owed: callbacks.length,
    doneInTime,
    late: callbacks.length - doneInTime - open,
    open,
    satisfied: said('satisfied'),
    neutral: said('neutral'),
    dissatisfied: said('dissatisfied'),
  };
}
