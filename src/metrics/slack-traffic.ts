// Measuring the Slack traffic the metrics count: how long each incoming request waited
// for its ack (by kind), which requests are still being worked on (a stop waits for
// them), and the Web API calls of the listeners' client (the sender reports its own
// through its onAttempt hook).
import type { App } from '@slack/bolt';
import type { FetchFunction } from '@slack/web-api';
import { performance } from 'node:perf_hooks';
import { transientPlatformErrors, type SlackCallOutcome } from '../slack/sender.ts';
import { createInFlight } from '../runtime/in-flight.ts';
import type { BotMetrics, RequestKind } from './bot-metrics.ts';

/** Set by a receiver on ReceiverEvent.customProperties: when the request arrived (performance.now()). */
export const receivedAtProperty = 'receivedAt';

export function requestKind(body: Record<string, unknown>): RequestKind {
  if (typeof body.command === 'string') return 'command';
  switch (body.type) {
    case 'event_callback':
      return 'event';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'block_suggestion':
    case 'dialog_suggestion':
      return 'options';
    case 'block_actions':
    case 'interactive_message':
    case 'shortcut':
    case 'message_action':
      return 'action';
    default:
      return 'other';
  }
}

/**
 * Wraps app.processEvent (what every receiver calls) to time each ack (a repeated empty
 * ack is a no-op) and to keep the requests in flight: a request counts until Bolt is done
 * with it. A listener's work after its ack goes on past that and is kept by
 * work-after-ack.ts.
 */
export function instrumentBoltEvents(app: App, metrics: BotMetrics) {
  const running = createInFlight();
  const process = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const receivedAt = Number(event.customProperties?.[receivedAtProperty] ?? performance.now());
    const kind = requestKind(event.body as Record<string, unknown>);
    const ack = event.ack;
    let acked = false;
    const timedAck: typeof ack = async (response) => {
      if (!acked) metrics.observeAck(kind, (performance.now() - receivedAt) / 1000);
      acked = true;
      return ack(response);
    };
    const run = process({ ...event, ack: timedAck });
    running.track(run);
    return run;
  };
  return {
    /** Resolves when the requests in flight now have finished, or after `limitMillis` (false then). */
    settled: running.settled,
  };
}

/** A fetch for the listeners' WebClient that counts each Web API call by method and outcome. */
export function countingFetch(metrics: BotMetrics, apiUrl: string): FetchFunction {
  return async (url, init) => {
    const href = String(url);
    // Only Web API methods are counted; file upload URLs are Slack's storage, not the API.
    const method = href.startsWith(apiUrl) ? href.slice(apiUrl.length).split('?')[0]! : null;
    let response: Response;
    try {
      response = await fetch(url, init as RequestInit);
    } catch (error) {
      if (method) metrics.countSlackCall('listeners', method, 'network');
      throw error;
    }
    if (method) void outcomeOf(response).then((outcome) => metrics.countSlackCall('listeners', method, outcome));
    return response;
  };
}

async function outcomeOf(response: Response): Promise<SlackCallOutcome> {
  if (response.status === 429) return 'rate_limited';
  if (response.status >= 500 || response.status === 408) return 'server_error';
  if (response.status !== 200) return 'permanent';
  try {
    const body = (await response.clone().json()) as { ok?: boolean; error?: string };
    if (body.ok !== false) return 'ok';
    if (body.error === 'ratelimited' || body.error === 'rate_limited') return 'rate_limited';
    return transientPlatformErrors.has(String(body.error)) ? 'server_error' : 'permanent';
  } catch {
    return 'permanent';
  }
}
