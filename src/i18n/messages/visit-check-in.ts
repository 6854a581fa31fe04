import { defineMessages, plural } from '../define-messages.ts';

// Visit check-in / check-out (Start visit / End visit) and the visit time in the monthly report.
export const visitCheckInMessages = defineMessages(
  {
    'visit.check_in.start': 'Start visit',
    'visit.check_in.end': 'End visit',
    'visit.check_in.start_for': 'Start visit · {customer}',
    'visit.check_in.hint': 'At the customer’s? *Start visit* when you arrive and *End visit* when you leave: the time counts in the monthly report.',
    'visit.check_in.started': ':round_pushpin: Visit to *{customer}* started {at}. Press *End visit* when you leave.',
    'visit.check_in.ended': plural('minutes', {
      one: ':white_check_mark: Visit to *{customer}*: {from} – {to}, {minutes} minute.',
      other: ':white_check_mark: Visit to *{customer}*: {from} – {to}, {minutes} minutes.',
    }),
    'visit.usage.start': 'Usage: `/visit start C0001` when you arrive at the customer, `/visit end` when you leave.',
    'error.visit_already_started': 'You are already at `{customer}` (since {sinceAt}). Please end that visit first (`/visit end`).',
    'error.visit_not_started': 'You have no visit under way. Start one with *Start visit* or `/visit start C0001`.',
    'error.visit_already_ended': 'That visit to `{customer}` already ended ({endedAt}).',
    'report.visit_time_manager': plural('minutes', {
      one: plural('visits', { one: '• {name}: {minutes} minute in {visits} visit', other: '• {name}: {minutes} minute in {visits} visits' }),
      other: plural('visits', { one: '• {name}: {minutes} minutes in {visits} visit', other: '• {name}: {minutes} minutes in {visits} visits' }),
    }),
    'report.visit_time_heading': '*Time at customers* (Start visit / End visit)',
  },
  {
    'visit.check_in.start': '开始拜访',
    'visit.check_in.end': '结束拜访',
    'visit.check_in.start_for': '开始拜访 · {customer}',
    'visit.check_in.hint': '已到客户处？到达时点击 *开始拜访*，离开时点击 *结束拜访*：拜访时长计入月度报告。',
    'visit.check_in.started': ':round_pushpin: 已于 {at} 开始拜访 *{customer}*。离开时请点击 *结束拜访*。',
    'visit.check_in.ended': ':white_check_mark: 拜访 *{customer}*：{from} – {to}，共 {minutes} 分钟。',
    'visit.usage.start': '用法：到达客户处时 `/visit start C0001`，离开时 `/visit end`。',
    'error.visit_already_started': '您正在拜访 `{customer}`（自 {sinceAt} 起）。请先结束该次拜访（`/visit end`）。',
    'error.visit_not_started': '您当前没有进行中的拜访。请点击 *开始拜访* 或使用 `/visit start C0001`。',
    'error.visit_already_ended': '该次对 `{customer}` 的拜访已结束（{endedAt}）。',
    'report.visit_time_manager': '• {name}：在客户处 {minutes} 分钟（{visits} 次签到）',
    'report.visit_time_heading': '*在客户处的时长*（开始拜访 / 结束拜访）',
  },
);
