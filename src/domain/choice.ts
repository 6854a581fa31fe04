// One of the options a form offers, as zod reads it. A field left empty is `missing`; a
// value the form does not offer (an option since removed from the catalogue, a form
// opened before a deploy, a tampered payload) is `unavailable`: the person did fill the
// field, so they are asked to choose again, never "please fill this in".
import { z } from 'zod';

export function choice<const T extends readonly [string, ...string[]]>(options: T, messages: { missing: string; unavailable: string }) {
  return z.enum(options, { error: (issue) => (issue.input === null || issue.input === undefined || issue.input === '' ? messages.missing : messages.unavailable) });
}
