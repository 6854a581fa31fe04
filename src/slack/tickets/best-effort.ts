// Notices that follow a change the database already holds: one that fails (after the
// sender's own retries) is logged, and the others still go out.
import type { BotContext } from '../bot-context.ts';

export async function bestEffort(ctx: Pick<BotContext, 'logger'>, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    ctx.logger.error({ err: error, what }, 'ticket notice failed');
  }
}
