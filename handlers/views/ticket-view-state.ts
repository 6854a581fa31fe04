// Reading ticket modals back: view.state.values and private_metadata, parsed with zod.
import { z } from 'zod';

export const selectedOption = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
export const selectedOptions = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });
export const textValue = z.object({ value: z.string().nullish() });

/** The trimmed text of an input, or '' when left empty. */
export const trimmed = (entry: { value?: string | null }) => (entry.value ?? '').trim();

export const ticketMetadata = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'private_metadata is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ ticketId: z.uuid() }));
