// POST /api/tickets: a fault-management system or the service desk opens tickets
// without Slack. The bearer token (TICKET_API_TOKEN) is checked before the body is even
// read, so a wrong token gets 401 and nothing is stored; the body is validated with
// zod; `externalRef` makes a retried call return the ticket it already opened.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { phoneSchema } from '../domain/phone.ts';
import { markTicketMajor, requireKnownCustomers } from '../domain/tickets/mark-ticket-major.ts';
import { openTicket } from '../domain/tickets/open-ticket.ts';
import { ticketText } from '../domain/tickets/ticket-input.ts';
import { DomainError } from '../errors.ts';
import { TicketScope, TicketServiceType } from '../generated/prisma/enums.ts';
import type { BotContext } from '../slack/bot-context.ts';
import { sendJson, type RouteHandler } from './server.ts';

const maxBodyBytes = 64 * 1024;

// Text fields refuse NUL and other control characters (ticketText), so a bad byte is a
// 400 naming the field rather than a database error.
export const openTicketRequest = z.strictObject({
  customerCode: ticketText.customerCode,
  serviceType: z.enum(TicketServiceType),
  scope: z.enum(TicketScope),
  description: ticketText.description,
  contactName: ticketText.contactName.optional(),
  contactPhone: phoneSchema.optional(),
  externalRef: ticketText.externalRef.optional(),
  /** Who is calling, for the audit trail ("api:<source>"). */
  source: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).default('api'),
  /** Other customers hit by the same outage: the ticket is opened as a major fault. */
  affectedCustomerCodes: z.array(ticketText.customerCode).max(200).optional(),
});

const digest = (value: string) => createHash('sha256').update(value).digest();

function authorised(req: IncomingMessage, token: string | undefined): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  return Boolean(token && presented && timingSafeEqual(digest(presented), digest(token)));
}

async function readJson(req: IncomingMessage): Promise<{ json?: unknown; tooLarge?: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return { tooLarge: true };
    chunks.push(chunk as Buffer);
  }
  try {
    return { json: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { json: undefined };
  }
}

export function ticketsApiRoute(ctx: BotContext): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (!authorised(req, ctx.config.tickets.apiToken)) {
      req.resume();
      res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, 401, { ok: false, error: 'unauthorized' });
    }
    const { json, tooLarge } = await readJson(req);
    if (tooLarge) return sendJson(res, 413, { ok: false, error: 'too_large' });
    const parsed = openTicketRequest.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      return sendJson(res, 400, { ok: false, error: 'invalid_request', issues });
    }
    const { source, affectedCustomerCodes, ...input } = parsed.data;
    const actorId = `api:${source}`;
    try {
      // Checked first, so a wrong code leaves no half-made major fault behind.
      if (affectedCustomerCodes?.length) await requireKnownCustomers(ctx, affectedCustomerCodes);
      const { ticket, created } = await openTicket(ctx, { ...input, actorId });
      const fault = created && affectedCustomerCodes?.length ? await markTicketMajor(ctx, { ticket: ticket.id, actorId, customerCodes: affectedCustomerCodes }) : null;
      sendJson(res, created ? 201 : 200, {
        ok: true,
        created,
        id: ticket.id,
        number: ticket.number,
        status: ticket.status,
        serviceLevel: ticket.serviceLevel,
        restoreDeadline: ticket.restoreDeadline.toISOString(),
        major: fault !== null || ticket.major,
      });
      // The ticket's posts were written with it; the outbox delivers them.
      if (created) ctx.outbox.kick();
    } catch (error) {
      if (error instanceof DomainError) return sendJson(res, 422, { ok: false, error: error.code, params: error.params });
      throw error;
    }
  };
}
