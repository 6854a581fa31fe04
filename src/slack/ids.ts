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
  newView: 'ticket.new',
  restoreView: 'ticket.restore_view',
  majorView: 'ticket.major_view',
  customerSearch: 'ticket.customer_search',
  affectedSearch: 'ticket.affected_search',
} as const;
