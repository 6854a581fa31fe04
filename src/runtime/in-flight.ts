// Work a stop must let finish: each piece is tracked until it settles (its outcome is
// its owner's business), and `settled` waits for what is in flight now.
export type InFlight = {
  track(work: Promise<unknown>): void;
  size(): number;
  /** Resolves when what is in flight now has finished, or after `limitMillis` (false then). */
  settled(limitMillis: number): Promise<boolean>;
};

export function createInFlight(): InFlight {
  const running = new Set<Promise<void>>();
  return {
    track(work) {
      const tracked = work.then(
        () => {},
        () => {},
      );
      running.add(tracked);
      void tracked.finally(() => running.delete(tracked));
    },
    size: () => running.size,
    async settled(limitMillis) {
      if (running.size === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), limitMillis)));
      const done = Promise.all([...running]).then(() => true as const);
      return Promise.race([done, late]).finally(() => clearTimeout(timer));
    },
  };
}
