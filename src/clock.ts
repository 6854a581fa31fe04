// The clock is injected everywhere time matters, so SLA and reminder logic can be
// tested at any instant without sleeping.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
