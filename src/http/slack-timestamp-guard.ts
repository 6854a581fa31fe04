// In front of Bolt's HTTP receiver. Slack's rule is |now − X-Slack-Request-Timestamp| ≤
// 5 minutes; Bolt only refuses the old side, so a request stamped in the future would
// stay replayable long after it was sent. Those are refused here with Bolt's own answer
// to a bad signature (401, no body); everything else goes on to Bolt, which checks the
// signature and the old side. `now` is the wall clock Bolt uses, not the bot's Clock.
import type { Logger } from '../logger.ts';
import type { RouteHandler } from './server.ts';

export const maxFutureSkewSeconds = 5 * 60;

export function refuseFutureTimestamps(next: RouteHandler, options: { now: () => number; logger: Logger }): RouteHandler {
  return (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const seconds = Number(Array.isArray(header) ? header[0] : header);
    const nowSeconds = Math.floor(options.now() / 1000);
    if (Number.isFinite(seconds) && seconds > nowSeconds + maxFutureSkewSeconds) {
      options.logger.warn({ timestamp: seconds, aheadSeconds: seconds - nowSeconds }, 'slack request stamped in the future refused');
      req.resume();
      res.writeHead(401).end();
      return;
    }
    return next(req, res);
  };
}
