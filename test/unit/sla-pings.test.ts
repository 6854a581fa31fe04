// The countdown schedule at exact instants: half the window, the "minutes left"
// reminders, the breach, then every repeat interval; what a sweep owes after downtime.
import { describe, expect, it } from 'vitest';
import { dueSlaSteps, nextSlaStep, stepsUntilBreach, type SlaPlan } from '../../src/domain/tickets/sla-pings.ts';

const settings = { reminderMinutesLeft: [30, 10], overdueRepeatMinutes: 30 };
const opened = new Date('2026-11-23T02:00:00Z');
const plan = (windowMinutes: number, pausedMinutes = 0): SlaPlan => ({
  openedAt: opened,
  windowMinutes,
  deadline: new Date(opened.getTime() + (windowMinutes + pausedMinutes) * 60_000),
});
const at = (iso: string) => new Date(iso);
const iso = (steps: { at: Date }[]) => steps.map((s) => s.at.toISOString().slice(11, 16));

describe('SLA ping schedule', () => {
  it('AAA within a province (2 h): 03:00 half, 03:30 and 03:50 reminders, 04:00 breach', () => {
    const steps = stepsUntilBreach(plan(120), settings);
    expect(steps.map((s) => s.kind)).toEqual(['half', 'left', 'left', 'breach']);
    expect(iso(steps)).toEqual(['03:00', '03:30', '03:50', '04:00']);
  });

  it('keeps one ping when two fall at one instant (a 1-hour window: half = 30 minutes left)', () => {
    expect(stepsUntilBreach(plan(60), settings).map((s) => [s.kind, s.at.toISOString().slice(11, 16)])).toEqual([
      ['left', '02:30'],
      ['left', '02:50'],
      ['breach', '03:00'],
    ]);
  });

  it('drops reminders that would fall before the opening', () => {
    expect(stepsUntilBreach(plan(20), settings).map((s) => s.kind)).toEqual(['left', 'breach']);
  });

  it('after the breach, pings every 30 minutes for as long as it takes', () => {
    const p = plan(120);
    expect(nextSlaStep(p, settings, at('2026-11-23T04:00:00Z'))).toMatchObject({ kind: 'overdue', minutesOver: 30, at: at('2026-11-23T04:30:00Z') });
    expect(nextSlaStep(p, settings, at('2026-11-23T04:30:00Z'))).toMatchObject({ kind: 'overdue', minutesOver: 60 });
    expect(nextSlaStep(p, settings, at('2026-11-24T04:10:00Z'))).toMatchObject({ kind: 'overdue', minutesOver: 24 * 60 + 30 });
  });

  it('names the next step strictly after an instant, boundaries included', () => {
    const p = plan(120);
    expect(nextSlaStep(p, settings, opened).at).toEqual(at('2026-11-23T03:00:00Z'));
    expect(nextSlaStep(p, settings, at('2026-11-23T02:59:59.999Z')).at).toEqual(at('2026-11-23T03:00:00Z'));
    expect(nextSlaStep(p, settings, at('2026-11-23T03:00:00Z')).at).toEqual(at('2026-11-23T03:30:00Z'));
  });

  it('lists every step a sweep owes: none before half time, one at it, all missed after downtime', () => {
    const p = plan(120);
    expect(dueSlaSteps(p, settings, null, at('2026-11-23T02:59:59Z'))).toEqual([]);
    expect(iso(dueSlaSteps(p, settings, null, at('2026-11-23T03:00:00Z')))).toEqual(['03:00']);
    expect(iso(dueSlaSteps(p, settings, at('2026-11-23T03:00:00Z'), at('2026-11-23T05:05:00Z')))).toEqual(['03:30', '03:50', '04:00', '04:30', '05:00']);
  });

  it('moves every step with a paused clock (a later deadline)', () => {
    expect(iso(stepsUntilBreach(plan(120, 45), settings))).toEqual(['03:45', '04:15', '04:35', '04:45']);
  });

  it('follows configured reminders', () => {
    expect(iso(stepsUntilBreach(plan(240), { reminderMinutesLeft: [60, 15, 5], overdueRepeatMinutes: 20 }))).toEqual(['04:00', '05:00', '05:45', '05:55', '06:00']);
  });
});
