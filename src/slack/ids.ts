// Every action_id and callback_id the bot uses, in one place. Names read like
// `<area>.<verb>`; handlers and block builders both import them from here.
export const commands = {
  am: '/am',
  visit: '/visit',
  ticket: '/ticket',
  xregion: '/xregion',
  retain: '/retain',
} as const;

export const actions = {} as const;

export const views = {} as const;
