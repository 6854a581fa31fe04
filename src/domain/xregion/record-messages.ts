// Where the two channel messages of a request are, so every later change can update
// them in place and thread its notices under them.
import type { Deps } from '../deps.ts';

export type PostedAt = { channel: string; ts: string } | null;

export async function recordRequestMessages(deps: Pick<Deps, 'db'>, requestId: string, posted: { home: PostedAt; serving: PostedAt }): Promise<void> {
  await deps.db.xregionRequest.update({
    where: { id: requestId },
    data: {
      ...(posted.home ? { homeChannelId: posted.home.channel, homeMessageTs: posted.home.ts } : {}),
      ...(posted.serving ? { servingChannelId: posted.serving.channel, servingMessageTs: posted.serving.ts } : {}),
    },
  });
}
