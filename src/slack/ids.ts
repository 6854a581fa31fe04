// Every action_id and callback_id the bot uses, in one file. Names read like
// `<area>.<verb>`; handlers and block builders both import them from here.
// Each area keeps its own object below, so features can be added side by side.
export const commands = {
  am: '/am',
  visit: '/visit',
  ticket: '/ticket',
  xregion: '/xregion',
  retain: '/retain',
  plan: '/plan',
} as const;

export const approvalIds = {
  approve: 'approval.approve',
  reject: 'approval.reject',
  /** On a two-approver request: step aside, the next supervisor is asked. */
  abstain: 'approval.abstain',
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

// Cross-region requests (异地大客户服务): modals, message buttons, the home-region picker.
export const xregionIds = {
  acceptanceForm: 'xregion.acceptance_form',
  acceptanceCorrectionForm: 'xregion.acceptance_correction_form',
  replyForm: 'xregion.reply_form',
  replyCorrectionForm: 'xregion.reply_correction_form',
  rejectForm: 'xregion.reject_form',
  memberLookup: 'xregion.member_lookup',
  homeRegionOptions: 'xregion.home_region',
  accept: 'xregion.accept',
  reply: 'xregion.reply',
  reject: 'xregion.reject',
  correctAcceptance: 'xregion.correct_acceptance',
  correctReply: 'xregion.correct_reply',
  findNextPage: 'xregion.find_next_page',
  findPreviousPage: 'xregion.find_previous_page',
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
  /** Check-in / check-out: Start visit carries the customer code, End visit the check-in id. */
  startVisit: 'visit.start',
  /** visit.start and the digest's numbered visit.start.N (unique within their row). */
  startVisitAny: /^visit\.start(\.\d+)?$/,
  endVisit: 'visit.end',
  historyNewer: 'visit.history_newer',
  historyOlder: 'visit.history_older',
} as const;

// Fault tickets: buttons on the ticket message and in DMs, modals, option sources.
export const ticketIds = {
  claim: 'ticket.claim',
  onSite: 'ticket.on_site',
  restore: 'ticket.restore',
  release: 'ticket.release',
  close: 'ticket.close',
  major: 'ticket.major',
  stillOnIt: 'ticket.still_on_it',
  checkRelease: 'ticket.check_release',
  pause: 'ticket.pause',
  resume: 'ticket.resume',
  /** A supervisor's Reassign on an alert in the supervisors' channel: opens reassignView. */
  reassign: 'ticket.reassign',
  reassignView: 'ticket.reassign_view',
  /** The "Open ticket" link button (Slack still sends the click; it is only acknowledged). */
  openMessage: 'ticket.open_message',
  pauseView: 'ticket.pause_view',
  newView: 'ticket.new',
  restoreView: 'ticket.restore_view',
  majorView: 'ticket.major_view',
  customerSearch: 'ticket.customer_search',
  affectedSearch: 'ticket.affected_search',
  /** "Add note" on the ticket message: opens noteView (the work log). */
  addNote: 'ticket.add_note',
  noteView: 'ticket.note_view',
  /** Mute the claimer's countdown pings of one ticket (buttons in the ping DM). */
  snooze30: 'ticket.snooze_30',
  snooze60: 'ticket.snooze_60',
  /** "Customer informed" on the account manager's live-tracking DM (介入制). */
  customerInformed: 'ticket.customer_informed',
} as const;

// Shortcuts (the ⚡ menu and a message's "More actions"): callback ids declared in manifest.yml.
export const shortcutIds = {
  logVisit: 'shortcut.log_visit',
  openTicket: 'shortcut.open_ticket',
  crossRegion: 'shortcut.cross_region',
  recordRetention: 'shortcut.record_retention',
  /** Message shortcut: a ticket whose description is the message. */
  ticketFromMessage: 'shortcut.ticket_from_message',
  /** Message shortcut: a visit whose summary is the message and its link. */
  visitFromMessage: 'shortcut.visit_from_message',
} as const;

// Personal data (PIPL): the button beside a masked number.
export const privacyIds = {
  reveal: 'privacy.reveal',
} as const;

// The App Home tab: paging a section ("more…" / back); the page is in the button value.
export const homeIds = {
  nextPage: 'home.next_page',
  previousPage: 'home.previous_page',
} as const;

// Care callbacks after a fault (故障回访): the task's button, and the retention offer after a dissatisfied one.
export const careIds = {
  logCallback: 'care.log_callback',
  openRetention: 'care.open_retention',
} as const;

// Club activity plans (俱乐部活动方案签报): /plan's form, the report button and its form.
export const planIds = {
  form: 'plan.form',
  purpose: 'plan.purpose',
  theme: 'plan.theme',
  eventOn: 'plan.event_on',
  targetMembers: 'plan.target_members',
  places: 'plan.places',
  budget: 'plan.budget',
  openReport: 'plan.open_report',
  reportForm: 'plan.report_form',
  attendance: 'plan.attendance',
  satisfaction: 'plan.satisfaction',
  note: 'plan.note',
} as const;
