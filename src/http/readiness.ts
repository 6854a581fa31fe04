// /healthz and /readyz. /healthz says the process is alive and its event loop answers:
// restart it if not. /readyz says it should be sent traffic: every check passes (the
// database answers with every migration applied, Slack's requests are being received,
// the timer sweep is running) and the bot is neither starting nor stopping. The first
// 200 only comes once every route is mounted; a stop turns it 503 before anything closes.
import { sendJson, type RouteHandler } from './server.ts';

export type CheckResult = { ok: boolean; state: string };
export type ReadinessCheck = () => CheckResult | Promise<CheckResult>;
type Phase = 'starting' | 'serving' | 'draining';

// A check that does not answer in time counts as failed, so a probe never hangs.
const checkLimitMillis = 2000;

export function createReadiness() {
  const checks = new Map<string, ReadinessCheck>();
  let phase: Phase = 'starting';

  async function evaluate(): Promise<{ ready: boolean; phase: Phase; checks: Record<string, string> }> {
    const names = [...checks.keys()];
    const results = await Promise.all([...checks.values()].map((check) => withinLimit(check)));
    const states = Object.fromEntries(names.map((name, i) => [name, results[i]!.state]));
    return { ready: phase === 'serving' && results.every((result) => result.ok), phase, checks: states };
  }

  const readyRoute: RouteHandler = async (_req, res) => {
    const { ready, phase: current, checks: states } = await evaluate();
    sendJson(res, ready ? 200 : 503, { ok: ready, phase: current, checks: states });
  };
  const healthRoute: RouteHandler = (_req, res) => sendJson(res, 200, { ok: true, phase });

  return {
    /** Adds or replaces a named check. */
    check(name: string, check: ReadinessCheck): void {
      checks.set(name, check);
    },
    /** Everything is mounted: /readyz may say 200 from now on. */
    markServing(): void {
      if (phase === 'starting') phase = 'serving';
    },
    /** Stopping: /readyz says 503 from now on, whatever the checks say. */
    markDraining(): void {
      phase = 'draining';
    },
    phase: () => phase,
    evaluate,
    readyRoute,
    healthRoute,
  };
}

export type Readiness = ReturnType<typeof createReadiness>;

async function withinLimit(check: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, state: 'timeout' }), checkLimitMillis);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), late]);
  } catch {
    return { ok: false, state: 'error' };
  } finally {
    clearTimeout(timer);
  }
}
