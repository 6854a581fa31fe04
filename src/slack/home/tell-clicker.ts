// A private word to someone who clicked a button. In a message, Slack gives a
// response_url and the answer is an ephemeral reply; a click on the Home tab comes with
// none, so the answer is shown at the top of their Home instead (same pages as before).
import type { RespondFn } from '@slack/bolt';
import type { BotContext } from '../bot-context.ts';
import { decodeHomePages } from './home-state.ts';
import { publishHome } from './publish-home.ts';

export type Clicker = { userId: string; respond?: RespondFn; view?: { type?: string; private_metadata?: string } };

export const clickedOnHome = (clicker: Clicker) => clicker.view?.type === 'home';

export async function tellClicker(ctx: BotContext, clicker: Clicker, text: string): Promise<void> {
  if (clickedOnHome(clicker) || !clicker.respond) {
    await publishHome(ctx, clicker.userId, { pages: decodeHomePages(clicker.view?.private_metadata), notice: text });
    return;
  }
  await clicker.respond({ response_type: 'ephemeral', replace_original: false, text });
}
