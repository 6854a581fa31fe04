// Shared plumbing for the Block Kit validator: a violation collector plus
// small field checkers. Paths are JSON pointers so a violation can be matched
// to Slack's own "[json-pointer:/blocks/0/text]" style messages.

export type Json = Record<string, unknown>;

export class Checker {
  readonly violations: string[] = [];
  /** focus_on_load may be set on one element per view/message only. */
  focusOnLoad: string[] = [];
  /** markdown blocks share a 12,000 character budget per payload. */
  markdownChars = 0;

  add(path: string, message: string): void {
    this.violations.push(`${path}: ${message}`);
  }
}

/** Slack does not document its unit; code points avoids rejecting emoji-heavy text that Slack accepts. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Real Slack answers invalid_blocks for properties it does not know, so typos must fail here too. */
export function allowOnly(c: Checker, path: string, obj: Json, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) c.add(`${path}/${key}`, `unknown property '${key}' on ${what}`);
  }
}

export function requireObject(c: Checker, path: string, v: unknown, what: string): v is Json {
  if (v === undefined) {
    c.add(path, `${what} is required`);
    return false;
  }
  if (!isObject(v)) {
    c.add(path, `${what} must be an object (got ${describe(v)})`);
    return false;
  }
  return true;
}

interface StringRule {
  min?: number;
  max: number;
  required?: boolean;
}

/** Returns true when the value is a string within the limits (or absent and optional). */
export function checkString(c: Checker, path: string, v: unknown, rule: StringRule): boolean {
  if (v === undefined) {
    if (rule.required) c.add(path, 'is required');
    return !rule.required;
  }
  if (typeof v !== 'string') {
    c.add(path, `must be a string (got ${describe(v)})`);
    return false;
  }
  const n = charLength(v);
  const min = rule.min ?? 1;
  if (n < min) {
    c.add(path, min === 1 ? 'must not be empty' : `must be at least ${min} characters (got ${n})`);
    return false;
  }
  if (n > rule.max) {
    c.add(path, `must be at most ${rule.max} characters (got ${n})`);
    return false;
  }
  return true;
}

export function checkBoolean(c: Checker, path: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'boolean') c.add(path, `must be a boolean (got ${describe(v)})`);
}

export function checkInteger(c: Checker, path: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    c.add(path, `must be an integer (got ${describe(v)})`);
  } else if (v < min || v > max) {
    c.add(path, max === Number.MAX_SAFE_INTEGER ? `must be >= ${min} (got ${v})` : `must be between ${min} and ${max} (got ${v})`);
  }
}

export function checkEnum(c: Checker, path: string, v: unknown, allowed: readonly string[]): void {
  if (v === undefined) return;
  if (typeof v !== 'string' || !allowed.includes(v)) {
    c.add(path, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
  }
}

interface ArrayRule {
  min?: number;
  max: number;
  required?: boolean;
}

/** Returns the array when it is present and within the count limits, else undefined. */
export function checkArray(c: Checker, path: string, v: unknown, rule: ArrayRule): unknown[] | undefined {
  if (v === undefined) {
    if (rule.required) c.add(path, 'is required');
    return undefined;
  }
  if (!Array.isArray(v)) {
    c.add(path, `must be an array (got ${describe(v)})`);
    return undefined;
  }
  const min = rule.min ?? 1;
  if (v.length < min) c.add(path, `must have at least ${min} item(s) (got ${v.length})`);
  if (v.length > rule.max) c.add(path, `must have at most ${rule.max} items (got ${v.length})`);
  return v;
}
