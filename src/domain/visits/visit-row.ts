// The columns a visit and each of its versions share, from validated input.
import { localDateOf, toDbDate } from '../local-time.ts';
import type { VisitInput } from './visit-input.ts';

export function visitRow(fields: VisitInput, timeZone: string) {
  return {
    customerCode: fields.customerCode,
    kind: fields.kind,
    purposes: fields.purposes,
    occurredAt: fields.occurredAt,
    occurredOn: toDbDate(localDateOf(fields.occurredAt, timeZone)),
    metWith: fields.metWith,
    summary: fields.summary,
    satisfaction: fields.satisfaction,
    nextFollowUpOn: fields.nextFollowUpOn ? toDbDate(fields.nextFollowUpOn) : null,
  };
}

export type VisitRow = ReturnType<typeof visitRow>;
