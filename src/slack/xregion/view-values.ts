// Reads a submitted modal's view.state.values with zod: the few shapes our inputs send
// (text, a chosen option, a date-time). A missing block reads as empty.
import { z } from 'zod';

const entry = z
  .object({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_date_time: z.number().nullish(),
  })
  .loose();
const stateValues = z.record(z.string(), z.record(z.string(), entry));

export type ViewValues = z.infer<typeof stateValues>;

export function viewValues(raw: unknown): ViewValues {
  return stateValues.parse(raw ?? {});
}

function entryOf(values: ViewValues, blockId: string, actionId?: string) {
  const block = values[blockId];
  return block ? (actionId ? block[actionId] : Object.values(block)[0]) : undefined;
}

export const textOf = (values: ViewValues, blockId: string, actionId?: string): string | null => entryOf(values, blockId, actionId)?.value ?? null;

export const choiceOf = (values: ViewValues, blockId: string, actionId?: string): string | null =>
  entryOf(values, blockId, actionId)?.selected_option?.value ?? null;

export function dateTimeOf(values: ViewValues, blockId: string, actionId?: string): Date | null {
  const seconds = entryOf(values, blockId, actionId)?.selected_date_time;
  return typeof seconds === 'number' ? new Date(seconds * 1000) : null;
}

/** The request a modal or button is about, from private_metadata or a button value. */
export const requestRef = z.object({ requestId: z.uuid() });
export const requestIdValue = z.uuid();
