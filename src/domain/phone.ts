// Phone numbers as staff type them: mainland mobiles (13800138000), landlines with an
// area code (010-12345678, 0755 1234 5678) and an optional +86; spaces and dashes ignored.
import { z } from 'zod';

const mobile = /^1[3-9]\d{9}$/;
const landline = /^0\d{2,3}\d{7,8}$/;

export function normalisePhone(raw: string): string | null {
  const digits = raw.trim().replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return mobile.test(digits) || landline.test(digits) ? digits : null;
}

export const phoneSchema = z.string().trim().transform((raw, ctx) => {
  const phone = normalisePhone(raw);
  if (!phone) {
    ctx.addIssue({ code: 'custom', message: 'is not a phone number' });
    return z.NEVER;
  }
  return phone;
});
