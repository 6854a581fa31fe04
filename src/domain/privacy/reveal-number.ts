// "Reveal number": the person handling a record sees its personal numbers in full,
// privately, and each reveal is audited (who, when, which record) before the numbers
// are handed out. Anyone else is refused; an anonymised record has nothing to reveal.
import { DomainError } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { handlersOf, personalRecordSubject, type PersonalRecord } from './handles-record.ts';

export type RevealedNumbers = {
  /** The record's readable number (T-…, XR-…). */
  number: string;
  contactName: string | null;
  contactPhone: string | null;
  memberNumber: string | null;
};

export async function revealNumber(deps: Deps, input: { viewerId: string; record: PersonalRecord }): Promise<RevealedNumbers> {
  const handlers = await handlersOf(deps, input.record);
  if (!handlers) throw new DomainError(input.record.kind === 'ticket' ? 'ticket_unknown' : 'xregion_not_found');
  if (!handlers.includes(input.viewerId)) throw new DomainError('privacy_not_handler');
  const revealed = await numbersOf(deps, input.record);
  if (revealed.anonymised) throw new DomainError('privacy_anonymised', { number: revealed.numbers.number });
  // One row, written before the numbers are handed out: no reveal without its record.
  await recordAudit(deps, {
    actorId: input.viewerId,
    action: 'pii.revealed',
    subject: personalRecordSubject(input.record, revealed.numbers.number),
    detail: { number: revealed.numbers.number, fields: Object.entries(revealed.numbers).filter(([k, v]) => k !== 'number' && v).map(([k]) => k) },
  });
  return revealed.numbers;
}

async function numbersOf(deps: Pick<Deps, 'db'>, record: PersonalRecord): Promise<{ numbers: RevealedNumbers; anonymised: boolean }> {
  if (record.kind === 'ticket') {
    const ticket = await deps.db.ticket.findUniqueOrThrow({ where: { id: record.id }, select: { number: true, contactName: true, contactPhone: true, anonymisedAt: true } });
    return { numbers: { number: ticket.number, contactName: ticket.contactName, contactPhone: ticket.contactPhone, memberNumber: null }, anonymised: ticket.anonymisedAt !== null };
  }
  const request = await deps.db.xregionRequest.findUniqueOrThrow({
    where: { id: record.id },
    select: { number: true, anonymisedAt: true, acceptanceForms: { orderBy: { version: 'desc' }, take: 1, select: { memberName: true, memberNumber: true, contactPhone: true } } },
  });
  const form = request.acceptanceForms[0];
  return {
    numbers: { number: request.number, contactName: form?.memberName ?? null, contactPhone: form?.contactPhone ?? null, memberNumber: form?.memberNumber ?? null },
    anonymised: request.anonymisedAt !== null,
  };
}
