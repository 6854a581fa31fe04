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
