// The fixed choices of a retention case, in the order the modal shows them (the
// database enums in prisma/schema.prisma hold the same values).
import type { RetentionOutcome, RetentionReason, RetentionTrigger } from '../../generated/prisma/enums.ts';

export const retentionTriggers = ['booked_cancellation', 'stop_request', 'arrears', 'contract_expiry', 'churn_warning', 'service'] as const satisfies readonly RetentionTrigger[];
export const retentionReasons = ['tariff', 'network', 'service', 'personalised_needs', 'competitor', 'relocation', 'other'] as const satisfies readonly RetentionReason[];
export const retentionOutcomes = ['retained', 'considering', 'churned'] as const satisfies readonly RetentionOutcome[];
