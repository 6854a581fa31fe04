// The texts a ticket carries and how long each may be — the limits of the modal inputs
// that fill them — for every way in: the HTTP API, the modals and the /ticket commands.
import { z } from 'zod';
import { DomainError } from '../../errors.ts';
import { plainText } from '../plain-text.ts';

const text = (max: number) => z.string().check(plainText).trim().max(max);

export const ticketText = {
  customerCode: text(40).min(1),
  description: text(2000).min(1),
  contactName: text(100),
  externalRef: text(200).min(1),
  /** Why the clock should pause, why the ticket is cancelled. */
  reason: text(500),
} as const;

/** A reason typed after a /ticket command, trimmed; a refused one throws the DomainError that says why. */
export function commandReason(raw: string): string {
  const parsed = ticketText.reason.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (parsed.error.issues.some((issue) => issue.code === 'too_big')) throw new DomainError('text_too_long', { length: [...raw.trim()].length, max: 500 });
  throw new DomainError('control_characters');
}
