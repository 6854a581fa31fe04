import { defineMessages, plural } from '../define-messages.ts';

// Live tracking (介入制) of a diamond (or AAA) customer's ticket: the account manager's one
// DM updated in place, "Customer informed", and the reminder when the customer waits.
export const ticketLiveMessages = defineMessages(
  {
    'ticket.live.header': 'Live: {number} · {customer}',
    'ticket.live.text': 'Live tracking of {number} ({customer}): {status}',
    'ticket.live.intro': 'You are tracking this ticket live (介入制): this message follows every step and the countdown. Please keep the customer informed and press *Customer informed* each time.',
    'ticket.live.steps': '*Steps*\n{lines}',
    'ticket.live.step_line': '{at} · {event} · {actor}',
    'ticket.live.informed_ago': plural('minutes', { one: ':speech_balloon: Customer last informed {minutes} minute ago', other: ':speech_balloon: Customer last informed {minutes} minutes ago' }),
    'ticket.live.never_informed': plural('minutes', { one: ':speech_balloon: Customer not informed yet (ticket open for {minutes} minute)', other: ':speech_balloon: Customer not informed yet (ticket open for {minutes} minutes)' }),
    'ticket.live.ended': 'Live tracking ended: the ticket is {status}.',
    'ticket.live.button.informed': 'Customer informed',
    'ticket.live.informed.done': plural('minutes', {
      one: 'Thank you. *{number}*: customer informed at {at}; the next reminder comes if they wait {minutes} minute with no update.',
      other: 'Thank you. *{number}*: customer informed at {at}; the next reminder comes if they wait {minutes} minutes with no update.',
    }),
    'ticket.live.reminder': plural('minutes', {
      one: ':bell: *{number}* ({customer}): the customer has had no news for {minutes} minute. Please call them with the latest, then press *Customer informed* on the live message.',
      other: ':bell: *{number}* ({customer}): the customer has had no news for {minutes} minutes. Please call them with the latest, then press *Customer informed* on the live message.',
    }),
    'ticket.live.step_informed': 'customer informed',
    'report.live_heading': '*Live tracking (介入制): longest silence per ticket*',
    'report.live_silence': '• {number} · {customer}: longest silence {minutes} min · informed {informed}×{open}',
    'error.ticket_live_not_manager': 'Only the customer’s account manager records that the customer was informed, so nothing was changed.',
    'error.ticket_live_not_tracked': 'Ticket *{number}* is not tracked live (it is not a diamond customer’s open ticket), so there is nothing to record.',
  },
  {
    'ticket.live.header': '实时跟踪：{number} · {customer}',
    'ticket.live.text': '{number}（{customer}）实时跟踪：{status}',
    'ticket.live.intro': '您正在实时跟踪此工单（介入制）：本消息随每个处理步骤和倒计时更新。请及时向客户通报进展，每次通报后点击 *已通知客户*。',
    'ticket.live.steps': '*处理步骤*\n{lines}',
    'ticket.live.step_line': '{at} · {event} · {actor}',
    'ticket.live.informed_ago': ':speech_balloon: 客户上次获知进展：{minutes} 分钟前',
    'ticket.live.never_informed': ':speech_balloon: 尚未通知客户（工单已开 {minutes} 分钟）',
    'ticket.live.ended': '实时跟踪已结束：工单{status}。',
    'ticket.live.button.informed': '已通知客户',
    'ticket.live.informed.done': '谢谢。*{number}*：已于 {at} 通知客户；如客户 {minutes} 分钟内未再获知进展，将再次提醒您。',
    'ticket.live.reminder': ':bell: *{number}*（{customer}）：客户已 {minutes} 分钟未获知进展。请致电客户通报最新情况，然后在实时跟踪消息上点击 *已通知客户*。',
    'ticket.live.step_informed': '已通知客户',
    'report.live_heading': '*钻石客户实时跟踪（介入制）：各工单最长未通报时长*',
    'report.live_silence': '• {number} · {customer}：最长 {minutes} 分钟未获知进展 · 通报 {informed} 次{open}',
    'error.ticket_live_not_manager': '只有客户的客户经理可以登记已通知客户，本次未做任何更改。',
    'error.ticket_live_not_tracked': '工单 *{number}* 不在实时跟踪范围内（不是钻石客户的未结工单），无需登记。',
  },
);
