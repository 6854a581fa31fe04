// The one masking rule for personal numbers (PIPL): a member number or contact phone
// shown to someone who does not handle the record keeps its first three and last four
// digits, 13800138000 → 138****8000; shorter numbers keep less. Codes that are not
// numbers (a customer code such as C0004) are not personal data and pass unchanged.
const digitsPattern = /\d/g;

export function maskNumber(value: string): string {
  const digits = value.match(digitsPattern)?.length ?? 0;
  // Fewer than 7 digits is not a phone or member number (a code, an extension).
  if (digits < 7) return value;
  const compact = value.replace(/[\s-]/g, '');
  const keepStart = compact.length >= 11 ? 3 : 2;
  const keepEnd = compact.length >= 11 ? 4 : 2;
  return `${compact.slice(0, keepStart)}****${compact.slice(-keepEnd)}`;
}

/** Masked, or null/undefined as given (an optional field). */
export function maskOptional<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' && value ? maskNumber(value) : value) as T;
}
