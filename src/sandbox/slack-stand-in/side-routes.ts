// Endpoints outside /api/: response URLs (Bolt's respond()) and the upload
// URLs handed out by files.getUploadURLExternal.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, finishFault, sendJson, type Reply } from './api-context.ts';
import { messageContent } from './api-chat.ts';
import { contentType, parseMultipart, truthy } from './http-body.ts';
import type { FakeSlack } from './server.ts';

const RESPONSE_URL_USES = 5;

function parseJsonBody(req: IncomingMessage, raw: Buffer): Record<string, any> | undefined {
  const text = raw.toString('utf8');
  try {
    if (contentType(req) === 'application/x-www-form-urlencoded') {
      const payload = new URLSearchParams(text).get('payload');
      return payload ? JSON.parse(payload) : undefined;
    }
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, any>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Slack answers response URLs with HTTP status codes rather than always-200: 404 once a URL is used up
 * or unknown, 400 for a bad payload. Bolt's respond() throws on those, so app bugs surface.
 */
export async function handleResponseUrl(fake: FakeSlack, req: IncomingMessage, res: ServerResponse, id: string, raw: Buffer): Promise<void> {
  const responseUrl = `${fake.baseUrl}/response/${id}`;
  const args = parseJsonBody(req, raw) ?? {};
  // Tests match a reply to its URL with c.responseUrl; some read args.__url instead. Non-enumerable so
  // it stays out of toEqual comparisons and JSON dumps of what the app actually sent.
  Object.defineProperty(args, '__url', { value: responseUrl, enumerable: false });
  const finish = (status: number, body: Reply, headers: Record<string, string> = {}): void => {
    fake.record({ method: 'response_url', args, at: Date.now(), ok: body.ok, error: body.error, status, response: body, responseUrl });
    sendJson(res, status, body, headers);
  };
  const injected = fake.fault('response_url');
  if (injected) return finishFault(injected, finish);
  if (!parseJsonBody(req, raw)) return finish(400, fail('invalid_payload'));
  const target = fake.state.responseUrls.get(id);
  if (!target) return finish(404, fail('expired_url'));
  if (target.uses >= RESPONSE_URL_USES) return finish(404, fail('used_url'));
  target.uses++;

  const state = fake.state;
  const original = target.channel && target.messageTs ? state.findMessage(target.channel, target.messageTs) : undefined;
  if (truthy(args.delete_original)) {
    if (original) state.deleted.add(original);
    return finish(200, { ok: true });
  }
  const content = messageContent(fake.context('response_url', args), args);
  if ('ok' in content) return finish(400, content);
  if (!content.text && !content.blocks?.length && !content.attachments?.length) return finish(400, fail('no_text'));
  if (truthy(args.replace_original) && original) {
    Object.assign(original, { text: content.text ?? '', blocks: content.blocks, attachments: content.attachments });
    original.edits++;
  } else if (target.channel) {
    const inChannel = args.response_type === 'in_channel';
    state.messages.push({
      channel: target.channel,
      ts: state.nextTs(),
      ...content,
      thread_ts: typeof args.thread_ts === 'string' ? args.thread_ts : undefined,
      ephemeralTo: inChannel ? undefined : (target.userId ?? 'unknown-user'),
      via: 'response_url',
      edits: 0,
    });
  }
  finish(200, { ok: true });
}

/** Stores the bytes WebClient.filesUploadV2 posts (multipart with one file part) or a raw body. */
export async function handleUpload(fake: FakeSlack, req: IncomingMessage, res: ServerResponse, id: string, raw: Buffer): Promise<void> {
  const file = fake.state.files.get(id);
  const finish = (status: number, body: string, headers: Record<string, string> = {}): void => {
    const ok = status === 200;
    const args = { file_id: id, bytes: file?.content?.length ?? 0 };
    fake.record({ method: 'file_upload', args, at: Date.now(), ok, status, response: body, ...(ok ? {} : { error: body }) });
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
  };
  const injected = fake.fault('file_upload');
  if (injected?.status === 429) return finish(429, 'ratelimited', { 'retry-after': String(injected.retryAfter) });
  if (injected) return finish(500, 'internal_error');
  if (!file || file.completed) return finish(404, 'file_not_found');
  let content = raw;
  if (contentType(req) === 'multipart/form-data') {
    const form = await parseMultipart(raw, req.headers['content-type'] ?? '');
    const part = [...form.values()].find((v): v is File => typeof v !== 'string');
    if (!part) return finish(400, 'no_file_data');
    content = Buffer.from(await part.arrayBuffer());
  }
  file.content = content;
  if (content.length !== file.length) {
    fake.warnings.push({ method: 'file_upload', message: `file ${id} announced ${file.length} bytes but ${content.length} were uploaded` });
  }
  finish(200, `OK - ${content.length}`);
}
