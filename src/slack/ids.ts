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
