// How long is left until a restore deadline (or how long ago it passed), in whole
// minutes, for the Home's countdowns. A deadline is met up to and including its instant.
export type Countdown = { overdue: boolean; hours: number; minutes: number };

export function countdownTo(deadline: Date, now: Date): Countdown {
  const millis = deadline.getTime() - now.getTime();
  const overdue = millis < 0;
  // Time left rounds down (never promise a minute that is not there); time over rounds up.
  const total = overdue ? Math.ceil(-millis / 60_000) : Math.floor(millis / 60_000);
  return { overdue, hours: Math.floor(total / 60), minutes: total % 60 };
}
