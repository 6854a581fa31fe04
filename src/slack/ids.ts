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

// /visit: the visit form, its customer search, the buttons that open it, history paging.
export const visitIds = {
  form: 'visit.form',
  customerSearch: 'visit.customer',
  kind: 'visit.kind',
  purposes: 'visit.purposes',
  occurredAt: 'visit.occurred_at',
  metWith: 'visit.met_with',
  summary: 'visit.summary',
  satisfaction: 'visit.satisfaction',
  nextFollowUp: 'visit.next_follow_up',
  /** Opens the form for an existing visit (quick-form "add details", history "edit"). */
  edit: 'visit.edit',
  /** Opens the form for one customer (digest lines). */
  logFor: 'visit.log_for',
  historyNewer: 'visit.history_newer',
  historyOlder: 'visit.history_older',
} as const;
