// GET /metrics: Prometheus exposition of the bot's registry. With METRICS_TOKEN set, a
// scraper must send it as a bearer token (compared in constant time); unset, the
// endpoint is open to whoever reaches the port.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { BotMetrics } from '../metrics/bot-metrics.ts';
import { sendJson, type RouteHandler } from './server.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function metricsRoute(metrics: BotMetrics, token: string | undefined): RouteHandler {
  return async (req, res) => {
    if (token) {
      const presented = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!presented || !timingSafeEqual(digest(presented), digest(token))) {
        res.setHeader('www-authenticate', 'Bearer');
        return sendJson(res, 401, { ok: false, error: 'unauthorized' });
      }
    }
    const { contentType, body } = await metrics.scrape();
    res.writeHead(200, { 'content-type': contentType }).end(body);
  };
}
