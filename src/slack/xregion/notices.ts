// What the bot says about a request outside its two channel messages: the reply in
// both threads, DMs to the opener and the account manager, deadline reminders and
// breaches. Each takes the reader's language and zone.
import type { AnyBlock } from '@slack/types';
import type { RequestRecord } from '../../domain/xregion/request-record.ts';
import type { DeadlineStep } from '../../domain/xregion/reply-deadline-policy.ts';
import { t, type Locale, type MessageKey, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn, markup, md } from '../../i18n/mrkdwn.ts';
import { section } from '../kit/text.ts';
import { fieldSections, replyLateness, resultLabel, slackTime } from './format.ts';
import { shownReplyFields, summaryParams } from './request-fields.ts';

export type Reader = { locale: Locale; timeZone: string };
export type Notice = { text: Mrkdwn; blocks?: AnyBlock[] };

/** The reply's lead line, with how late it came when it missed the deadline, and its fields. */
function withReply(record: RequestRecord, reader: Reader, lead: Mrkdwn): Notice {
  const reply = record.reply!;
  const late = replyLateness(reader.locale, record.request);
  const text = late ? joinMrkdwn([lead, t(reader.locale, 'xregion.late.sentence', { late })], ' ') : lead;
  return { text, blocks: [section(text), ...fieldSections(reader.locale, shownReplyFields(reader.locale, reply, reader.timeZone))] };
}

export function replyThreadNotice(record: RequestRecord, reader: Reader): Notice {
  const lead = t(reader.locale, 'xregion.thread.reply', { number: record.request.number, result: resultLabel(reader.locale, record.reply!.result) });
  return withReply(record, reader, md`*${markup(lead)}*`);
}

export function replyDirectNotice(record: RequestRecord, audience: 'opener' | 'manager', reader: Reader): Notice {
  const key: MessageKey = audience === 'opener' ? 'xregion.dm.replied_opener' : 'xregion.dm.replied_manager';
  const lead = t(reader.locale, key, { ...summaryParams(reader.locale, record), result: resultLabel(reader.locale, record.reply!.result) });
  return withReply(record, reader, lead);
}

export function rejectedThreadNotice(record: RequestRecord, reader: Reader): Notice {
  return { text: t(reader.locale, 'xregion.thread.rejected', { user: record.request.rejectedById ?? '', reason: record.request.rejectReason ?? '' }) };
}

export function rejectedDirectNotice(record: RequestRecord, reader: Reader): Notice {
  const params = { ...summaryParams(reader.locale, record), user: record.request.rejectedById ?? '', reason: record.request.rejectReason ?? '' };
  return { text: t(reader.locale, 'xregion.dm.rejected_opener', params) };
}

export function correctedThreadNotice(form: 'acceptance' | 'reply', userId: string, version: number, reader: Reader): Notice {
  const key: MessageKey = form === 'acceptance' ? 'xregion.thread.acceptance_corrected' : 'xregion.thread.reply_corrected';
  return { text: t(reader.locale, key, { user: userId, version }) };
}

export type DeadlineAudience = 'handler' | 'channel' | 'supervisors';

export function deadlineNotice(record: RequestRecord, step: DeadlineStep, audience: DeadlineAudience, reader: Reader): Notice {
  const params = { ...summaryParams(reader.locale, record), deadline: slackTime(record.request.replyDeadline, reader.timeZone) };
  if (audience === 'supervisors') {
    const who = record.request.handlerId
      ? t(reader.locale, 'xregion.deadline.handled_by', { handler: record.request.handlerId })
      : t(reader.locale, 'xregion.deadline.unaccepted');
    return { text: t(reader.locale, 'xregion.deadline.breach_supervisors', { ...params, who: markup(who) }) };
  }
  const key = `xregion.deadline.${step}_${audience}` as MessageKey;
  return { text: t(reader.locale, key, params) };
}
