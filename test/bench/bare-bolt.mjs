// The yardstick for the ack benchmark: a bare Bolt 5 app with default settings and the
// HTTP receiver, acking /am, /ticket and the Claim button and doing nothing else. Plain
// JavaScript run by node, as the bot runs from dist/. Environment: PORT,
// SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL.
import bolt from '@slack/bolt';

const { App, HTTPReceiver } = bolt;
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/am', async ({ ack }) => ack());
app.command('/ticket', async ({ ack }) => ack());
app.action('ticket.claim', async ({ ack }) => ack());
await app.start(Number(process.env.PORT));
console.log('bare bolt ready');
// Exit (rather than die) on SIGTERM, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
