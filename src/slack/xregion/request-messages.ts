// Delivers what a cross-region request puts into Slack: its two channel messages
// (posted once, then updated in place), notices in both threads, and DMs in each
// reader's language. Everything goes through the paced, failure-recording delivery,
// called from the outbox (request-deliverers.ts).
import { recordRequestMessages } from '../../domain/xregion/record-messages.ts';
import { requireRequestRecord, type RequestRecord } from '../../domain/xregion/request-record.ts';
import { t } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { deliverMessage, updateDeliveredMessage } from '../deliver.ts';
import { localeOf } from '../locale.ts';
import { deliveryStep } from '../outbox/delivery-scope.ts';
import type { Notice, Reader } from './notices.ts';
import { requestMessage, type Copy } from './request-message-blocks.ts';

export const channelReader = (ctx: BotContext): Reader => ({ locale: ctx.config.locale, timeZone: ctx.config.timezone });

export async function readerFor(ctx: BotContext, userId: string): Promise<Reader> {
  const locale = await localeOf(ctx, userId).catch(() => ctx.config.locale);
  return { locale, timeZone: await staffTimeZone(ctx, userId) };
}

/** The time zone the directory gives a person, else BOT_TIMEZONE: no call to Slack, so fit for an ack. */
export async function staffTimeZone(ctx: BotContext, userId: string): Promise<string> {
  const staff = await ctx.db.staff.findUnique({ where: { slackUserId: userId }, select: { timezone: true } });
  return staff?.timezone ?? ctx.config.timezone;
}

function render(ctx: BotContext, record: RequestRecord, copy: Copy) {
  return requestMessage(record, copy, { ...channelReader(ctx), now: ctx.clock.now() });
}

/** Posts the home region's message (with buttons) and the serving region's copy, and remembers both. */
export async function postRequestMessages(ctx: BotContext, requestId: string): Promise<void> {
  const record = await requireRequestRecord(ctx, requestId);
  const where = `xregion ${record.request.number}`;
  const post = async (channel: string | null, copy: Copy) =>
    channel ? deliverMessage(ctx, { channel, ...render(ctx, record, copy) }, `${where} ${copy} message`) : null;
  await deliveryStep('messages', async () => {
    const home = await post(record.homeRegion.crossRegionChannelId, 'home');
    const serving = await post(record.servingRegion.crossRegionChannelId, 'serving');
    await recordRequestMessages(ctx, requestId, { home, serving });
  });
  const routed = (await requireRequestRecord(ctx, requestId)).request.homeMessageTs !== null;
  if (!routed) {
    // Slack refused for good (recorded for the admins); the opener must not believe it was sent.
    await deliveryStep('not routed', () =>
      tellPeople(ctx, record, [{ userId: record.request.openedById, notice: ({ locale }) => ({ text: t(locale, 'xregion.dm.not_routed', { number: record.request.number, home: record.homeRegion.name }) }) }]),
    );
  }
  await deliveryStep('home tabs', () => refreshRequestHomes(ctx, record));
}

/** The Home tabs that list the request: its opener, handler, the member's manager, the home region's overseers. */
async function refreshRequestHomes(ctx: BotContext, record: RequestRecord): Promise<void> {
  const { request } = record;
  await ctx.homes.refreshWithOverseers(request.homeRegionCode, [request.openedById, request.handlerId, record.accountManagerId]);
}

/** Re-renders both channel messages from the request's current state. */
export async function refreshRequestMessages(ctx: BotContext, requestId: string): Promise<RequestRecord> {
  const record = await requireRequestRecord(ctx, requestId);
  const { request } = record;
  const where = `xregion ${request.number}`;
  for (const [copy, channel, ts] of [['home', request.homeChannelId, request.homeMessageTs], ['serving', request.servingChannelId, request.servingMessageTs]] as const) {
    if (channel && ts) await updateDeliveredMessage(ctx, { channel, ts, ...render(ctx, record, copy) }, `${where} ${copy} update`);
  }
  await refreshRequestHomes(ctx, record);
  return record;
}

/** The same notice under both channel messages. */
export async function postInThreads(ctx: BotContext, record: RequestRecord, notice: (reader: Reader) => Notice): Promise<void> {
  const { request } = record;
  const reader = channelReader(ctx);
  for (const [channel, ts] of [[request.homeChannelId, request.homeMessageTs], [request.servingChannelId, request.servingMessageTs]] as const) {
    if (channel && ts) await deliverMessage(ctx, { channel, threadTs: ts, ...notice(reader) }, `xregion ${request.number} thread`);
  }
}

/** A DM to each person (once each), in their own language and zone. */
export async function tellPeople(ctx: BotContext, record: RequestRecord, people: { userId: string | null; notice: (reader: Reader) => Notice }[]): Promise<void> {
  const told = new Set<string>();
  for (const { userId, notice } of people) {
    if (!userId || told.has(userId)) continue;
    told.add(userId);
    await deliverMessage(ctx, { channel: userId, ...notice(await readerFor(ctx, userId)) }, `xregion ${record.request.number} DM`);
  }
}
