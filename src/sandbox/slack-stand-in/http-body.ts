// Request body decoding for the fake. @slack/web-api 8 sends
// application/x-www-form-urlencoded by default, JSON-stringifying every
// non-scalar argument (WebClient.serializeBody), and multipart/form-data when
// an argument is a Buffer (file uploads). Bolt's respond() posts JSON.
import type { IncomingMessage } from 'node:http';

/** Arguments that carry structured data and arrive JSON-encoded in form bodies. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'user_auth_blocks']);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function contentType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Decodes what multipart/form-data carries, via undici's parser (the same one fetch uses). */
export async function parseMultipart(raw: Buffer, header: string): Promise<FormData> {
  return new Response(new Uint8Array(raw), { headers: { 'content-type': header } }).formData();
}

function decodeJsonField(key: string, value: unknown): unknown {
  if (!JSON_FIELDS.has(key) || typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    // Left as a string so the method can answer like Slack does for malformed JSON.
    return value;
  }
}

export type Args = Record<string, any>;

/** Turns a Web API request into one argument object, whatever the encoding. */
export async function parseApiArgs(req: IncomingMessage, raw: Buffer, query: URLSearchParams): Promise<Args> {
  const args: Args = {};
  for (const [k, v] of query) args[k] = v;
  const type = contentType(req);
  const text = raw.toString('utf8');
  if (type === 'application/json') {
    if (text.trim() === '') return args;
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) Object.assign(args, parsed);
  } else if (type === 'multipart/form-data') {
    const form = await parseMultipart(raw, req.headers['content-type'] ?? '');
    for (const [k, v] of form) args[k] = typeof v === 'string' ? v : Buffer.from(await v.arrayBuffer());
  } else {
    for (const [k, v] of new URLSearchParams(text)) args[k] = v;
  }
  for (const key of Object.keys(args)) args[key] = decodeJsonField(key, args[key]);
  return args;
}

/** Form bodies carry booleans as strings. */
export function truthy(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}
