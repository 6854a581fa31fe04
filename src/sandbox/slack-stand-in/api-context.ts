// The contract between the fake's HTTP layer and its method handlers.
import type { ServerResponse } from 'node:http';
import type { FaultDecision } from './faults.ts';
import type { Args } from './http-body.ts';
import type { FakeState } from './state.ts';

export type Reply = { ok: boolean; [key: string]: any };

export interface Ctx {
  readonly state: FakeState;
  readonly method: string;
  readonly args: Args;
  /** http://127.0.0.1:PORT, for URLs the fake hands out (uploads). */
  readonly baseUrl: string;
  /** Answers like Slack does for bad payloads and records the violations in fake.rejections. */
  reject(error: string, violations: string[]): Reply;
  /** Records something the SDK or Slack would only warn about (fake.warnings). */
  warn(message: string): void;
}

export type Handler = (ctx: Ctx) => Reply;

export function fail(error: string, extra: Record<string, unknown> = {}): Reply {
  return { ok: false, error, ...extra };
}

/** Slack's response_metadata.messages format, which WebClient logs at error level. */
export function errorMessages(violations: string[]): string[] {
  return violations.map((v) => {
    const i = v.indexOf(': ');
    return i > 0 ? `[ERROR] ${v.slice(i + 2)} [json-pointer:${v.slice(0, i)}]` : `[ERROR] ${v}`;
  });
}

export function finishFault(f: NonNullable<FaultDecision>, finish: (status: number, body: Reply, headers?: Record<string, string>) => void): void {
  if (f.status === 429) finish(429, fail('ratelimited'), { 'retry-after': String(f.retryAfter) });
  else finish(500, fail('internal_error'));
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
