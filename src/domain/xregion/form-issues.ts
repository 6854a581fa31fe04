// What is wrong with a submitted form, field by field, as catalog keys: the Slack edge
// turns them into modal field errors (response_action: 'errors') on the matching blocks.
// Zod checks give the shape; the directory checks (member, region) add their own.
import type { z } from 'zod';
import { FormRejected, type FieldIssue } from '../../errors.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { isPlainTextIssue } from '../plain-text.ts';

const fieldKeyPrefix = 'xregion.field.';

/** One issue per field (the first), in the form's field order. */
export function issuesFromZod<Field extends string>(error: z.ZodError, fields: readonly Field[]): FieldIssue<Field>[] {
  const issues: FieldIssue<Field>[] = [];
  for (const issue of error.issues) {
    const field = fields.find((f) => f === issue.path[0]);
    if (!field || issues.some((i) => i.field === field)) continue;
    if (issue.code === 'too_big') {
      issues.push({ field, message: 'xregion.field.too_long', params: { max: Number(issue.maximum) } });
    } else if (isPlainTextIssue(issue)) {
      issues.push({ field, message: 'error.field_control_characters' });
    } else {
      const known = issue.message.startsWith(fieldKeyPrefix) || issue.message === 'error.field_choice_unavailable';
      const message = known ? (issue.message as MessageKey) : 'xregion.field.invalid';
      issues.push({ field, message });
    }
  }
  return issues;
}

/** Parses with the schema or throws FormRejected with the field issues. */
export function parseForm<Schema extends z.ZodType, Field extends string>(schema: Schema, input: unknown, fields: readonly Field[]): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new FormRejected(issuesFromZod(parsed.error, fields));
  return parsed.data;
}
