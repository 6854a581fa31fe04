// A private word to someone who clicked a button. In a message, Slack gives a
// response_url and the answer is an ephemeral reply; a click on the Home tab comes with
// none, so the answer is shown at the top of their Home instead (same pages as before).
import type { RespondFn } from '@slack/bolt';
import type { Mrkdwn } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { decodeHomePages } from '../home/home-state.ts';

export type Clicker = { userId: string; respond?: RespondFn; view?: { type?: string; private_metadata?: string } };

export const clickedOnHome = (clicker: Clicker) => clicker.view?.type === 'home';

/** A `respond` for listeners written for messages: on the Home its text is shown on the Home. */
export function respondOnHomeToo(ctx: BotContext, clicker: Clicker): RespondFn {
  if (!clickedOnHome(clicker) && clicker.respond) return clicker.respond;
  return async (message) => {
    const text = typeof message === 'string' ? message : message.text;
    // What a listener answers is mrkdwn made by t() or md`…` (see answerPrivately's Reply).
    if (text) await tellClicker(ctx, clicker, text as Mrkdwn);
    // Callers expect what a response_url answers; the Home was published instead.
    return new Response(null, { status: 200 });
  };
}

export async function tellClicker(ctx: BotContext, clicker: Clicker, text: Mrkdwn): Promise<void> {
  if (clickedOnHome(clicker) || !clicker.respond) {
    await ctx.homes.publish(clicker.userId, { pages: decodeHomePages(clicker.view?.private_metadata), notice: text });
    return;
  }
  await clicker.respond({ response_type: 'ephemeral', replace_original: false, text });
}
