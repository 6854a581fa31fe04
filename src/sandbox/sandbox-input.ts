// What the page may send, read with zod like every other edge of the bot; a bad request
// gets a 400 with the reason, and nothing reaches the bot.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { RouteHandler } from '../http/server.ts';
import { clockMoveSchema } from './clock-moves.ts';
import { sendJson } from './slack-stand-in/api-context.ts';
import { readBody } from './slack-stand-in/http-body.ts';

export const userId = z.string().regex(/^[UW][A-Z0-9]+$/, 'must be a Slack user id');
const channelId = z.string().regex(/^[CDG][A-Z0-9]+$/, 'must be a Slack channel id');
const option = z.object({ value: z.string(), text: z.string().optional() });
const stateValues = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()).and(z.object({ type: z.string() }))));

export const pageInput = {
  command: z.object({ user: userId, channel: channelId, text: z.string().min(1).max(4000) }),
  message: z.object({ user: userId, channel: channelId, text: z.string().min(1).max(4000), threadTs: z.string().optional() }),
  action: z.object({
    user: userId,
    channel: channelId.optional(),
    ts: z.string().optional(),
    viewId: z.string().optional(),
    actionId: z.string(),
    blockId: z.string().optional(),
    value: z.string().optional(),
    selectedOption: option.optional(),
    selectedOptions: z.array(option).optional(),
    selectedDate: z.string().optional(),
    selectedTime: z.string().optional(),
    selectedUser: z.string().optional(),
    state: stateValues.optional(),
  }),
  submit: z.object({ user: userId, viewId: z.string(), values: stateValues }),
  close: z.object({ user: userId, viewId: z.string() }),
  suggest: z.object({ user: userId, viewId: z.string(), actionId: z.string(), blockId: z.string().optional(), value: z.string().max(200) }),
  home: z.object({ user: userId }),
  language: z.object({ user: userId, locale: z.enum(['zh-CN', 'en']) }),
  clock: z.object({ move: clockMoveSchema }),
};

/** The page asked for something that cannot be: answered 400 with the reason. */
export class BadInput extends Error {}

async function readInput<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse((await readBody(req)).toString('utf8'));
  } catch {
    throw new BadInput('the body must be JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new BadInput(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; '));
  return parsed.data;
}

/** A POST route: the body read with `schema`, the answer `{ ok: true, ...result }`. */
export function pageRoute<T>(schema: z.ZodType<T>, act: (input: T) => Promise<Record<string, unknown>>): RouteHandler {
  return async (req, res) => {
    try {
      sendJson(res, 200, { ok: true, ...(await act(await readInput(req, schema))) });
    } catch (error) {
      if (error instanceof BadInput) return sendJson(res, 400, { ok: false, error: error.message });
      // The driver refuses an action or value the bot never rendered: said plainly to the page.
      sendJson(res, 422, { ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
