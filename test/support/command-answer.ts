// A slash command's private answer, wherever the bot gave it: inside the ack (help,
// answered from memory) or after it, through the command's response URL. Slack shows
// both the same way; an answer in the ack is held to the same Block Kit rules.
import { expect } from 'vitest';
import { validateBlocks } from '../../src/sandbox/slack-stand-in/block-kit.ts';
import type { FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import type { SlackResponse } from '../../src/sandbox/slack-stand-in/slack-requests.ts';

export async function commandAnswer(slack: FakeSlack, ack: SlackResponse, responseUrl: string, timeoutMillis?: number): Promise<any> {
  const body = ack.json as { text?: unknown; blocks?: unknown } | undefined;
  if (body && typeof body === 'object' && (typeof body.text === 'string' || body.blocks !== undefined)) {
    expect(validateBlocks(body.blocks ?? [], 'message')).toEqual([]);
    return body;
  }
  return (await slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl, timeoutMillis)).args;
}
