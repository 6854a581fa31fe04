import { defineMessages, plural } from '../define-messages.ts';

// Approvals while a supervisor is away (a deputy decides on their behalf) and abstaining
// on a two-approver request.
export const approvalAwayMessages = defineMessages(
  {
    'approval.abstain': 'Abstain',
    'approval.decision_abstain': '➖ <@{user}> abstained · {when}',
    'approval.on_behalf_of': ' (on behalf of <@{user}>)',
    'approval.abstained': 'Thank you, you have stepped aside; the next supervisor is asked.',
    'approval.already_abstained': 'You stepped aside on this request, so another supervisor decides it.',
    'approval.next_asked': '{next} <@{abstainer}> abstained on this request: would you decide it, please?',
    'approval.next_nobody': '<@{abstainer}> abstained on this request, and no other supervisor of the region is left to ask. {admins}, could you decide it, please?',
    'approval.deputy_notice': 'You are deputising for <@{delegator}>, who is away: this request came to you too.',
    'away.done': 'Thank you. From {from} to {to} ({zone}), the approval requests of your region also go to <@{deputy}>, who may decide them on your behalf.',
    'away.usage': 'Usage: `/am away 2026-12-24 2026-12-31 @deputy` (the days you are away, in your time zone, and the supervisor who decides for you).',
    'error.away_not_a_supervisor': 'Only a supervisor can hand their approvals to a deputy.',
    'error.away_self_deputy': 'Please name another supervisor as your deputy.',
    'error.away_deputy_not_supervisor': '<@{user}> is not a supervisor in the directory, so they cannot decide approvals. Please name a supervisor.',
    'error.away_bad_dates': 'I could not read {from} to {to} as two dates (YYYY-MM-DD, the second not before the first).',
    'error.away_too_long': plural('days', { one: 'An absence can cover at most {days} day; please split it.', other: 'An absence can cover at most {days} days; please split it.' }),
    'error.away_in_the_past': 'That period ended on {to}; please give days to come.',
    'error.approval_abstain_single': 'Abstaining is for requests that need two approvers; please approve or reject this one.',
  },
  {
    'approval.abstain': '弃权',
    'approval.decision_abstain': '➖ <@{user}> 弃权 · {when}',
    'approval.on_behalf_of': '（代 <@{user}>）',
    'approval.abstained': '谢谢，您已弃权，将请下一位主管审批。',
    'approval.already_abstained': '您已对此申请弃权，将由其他主管审批。',
    'approval.next_asked': '{next} <@{abstainer}> 对此申请弃权，请您审批。',
    'approval.next_nobody': '<@{abstainer}> 对此申请弃权，本区域已没有其他主管可以审批。请 {admins} 审批。',
    'approval.deputy_notice': '<@{delegator}> 外出期间由您代为审批：此申请也发给了您。',
    'away.done': '谢谢。{from} 至 {to}（{zone}）期间，您所在区域的审批申请也会发给 <@{deputy}>，由其代您审批。',
    'away.usage': '用法：`/am away 2026-12-24 2026-12-31 @代理人`（您外出的日期，按您的时区，以及代您审批的主管）。',
    'error.away_not_a_supervisor': '只有主管可以委托他人代为审批。',
    'error.away_self_deputy': '请指定另一位主管作为代理人。',
    'error.away_deputy_not_supervisor': '<@{user}> 在通讯录中不是主管，无法审批。请指定一位主管。',
    'error.away_bad_dates': '无法将 {from} 至 {to} 识别为两个日期（YYYY-MM-DD，结束日期不早于开始日期）。',
    'error.away_too_long': '一次外出最多 {days} 天，请分开设置。',
    'error.away_in_the_past': '该期间已于 {to} 结束，请填写今后的日期。',
    'error.approval_abstain_single': '弃权仅适用于需要两位审批人的申请；此申请请选择同意或驳回。',
  },
);
