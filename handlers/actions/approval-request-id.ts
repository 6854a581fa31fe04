// Approval buttons and the Reject modal carry the request id as a decimal string.
import { z } from 'zod';

export const requestIdSchema = z.string().regex(/^\d{1,18}$/).transform((id) => BigInt(id));
