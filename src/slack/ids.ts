// Every action_id and callback_id the bot uses, in one file. Names read like
// `<area>.<verb>`; handlers and block builders both import them from here.
// Each area keeps its own object below, so features can be added side by side.
export const commands = {
  am: '/am',
  visit: '/visit',
  ticket: '/ticket',
  xregion: '/xregion',
  retain: '/retain',
} as const;

export const approvalIds = {
  approve: 'approval.approve',
  reject: 'approval.reject',
  rejectView: 'approval.reject_reason',
  rejectReason: 'approval.reject_reason.text',
} as const;

export const retentionIds = {
  recordView: 'retention.record',
  customer: 'retention.customer',
  trigger: 'retention.trigger',
  reasons: 'retention.reasons',
  offer: 'retention.offer',
  outcome: 'retention.outcome',
  followUp: 'retention.follow_up',
  notes: 'retention.notes',
  /** The button in the follow-up reminder that reopens the case form. */
  recordOutcome: 'retention.record_outcome',
} as const;
