// The page's routes under /sandbox on the bot's port: its files, its event stream, the
// workspace as one viewer sees it, uploaded files (the monthly report's chart and CSV),
// the language and clock controls, and Slack's part of every interaction
// (sandbox-interactions.ts). Every call the bot makes to the stand-in is pushed to the
// page as an event, so it refetches what it shows.
import path from 'node:path';
import type { RunningBot } from '../app.ts';
import type { Routes } from '../http/server.ts';
import { eventStream } from './event-stream.ts';
import type { OffsetClock } from './offset-clock.ts';
import { contentTypes, pageAssetRoutes } from './page-assets.ts';
import { moveBotClock } from './sandbox-clock.ts';
import { pageInput, pageRoute, userId } from './sandbox-input.ts';
import { interactionRoutes } from './sandbox-interactions.ts';
import { sandboxChannels, sandboxPeople, syncStandInUsers, workspaceFor } from './sandbox-workspace.ts';
import { sendJson } from './slack-stand-in/api-context.ts';
import type { FakeSlack } from './slack-stand-in/server.ts';
import type { SlackDriver } from './slack-stand-in/slack-requests.ts';

type Deps = {
  bot: RunningBot;
  slack: FakeSlack;
  driver: SlackDriver;
  clock: OffsetClock;
  botToken: string;
  /** Called after every change to the workspace (it is saved). */
  onChange(): void;
};

// The stand-in remembers every call for the tests' sake; a sandbox left running keeps the newest.
const keptCalls = 2000;
const keptTriggers = 500;

export function sandboxRoutes(deps: Deps): { routes: Routes; closeStreams(): void } {
  const { bot, slack, driver, clock } = deps;
  const events = eventStream();
  const notify = () => {
    events.notify();
    deps.onChange();
  };
  // Modal stacks belong to the user whose trigger opened them: only they see them.
  const modalOwners = new Map<string, string>();
  const triggerOwners = new Map<string, string>();
  let triggerCount = 0;
  const trigger = (user: string) => {
    const id = `${++triggerCount}.${Date.now()}.sandbox`;
    triggerOwners.set(id, user);
    if (triggerOwners.size > keptTriggers) triggerOwners.delete(triggerOwners.keys().next().value!);
    return id;
  };
  slack.onCall((call) => {
    if ((call.method === 'views.open' || call.method === 'views.push') && call.ok) {
      const owner = triggerOwners.get(String(call.args.trigger_id));
      if (owner) modalOwners.set(call.response.view.id, owner);
    }
    if (slack.calls.length > keptCalls * 2) slack.calls.splice(0, slack.calls.length - keptCalls);
    notify();
  });
  const people = async () => {
    const found = await sandboxPeople(bot);
    syncStandInUsers(slack, found, bot.ctx.config.locale === 'en' ? 'en-US' : 'zh-CN');
    return found;
  };

  const routes: Routes = new Map([
    ...pageAssetRoutes(),
    ...interactionRoutes({ slack, driver, botToken: deps.botToken, trigger, notify }),
  ]);
  routes.set('GET /sandbox/events', events.route);

  routes.set('GET /sandbox/state', async (req, res) => {
    const viewer = userId.safeParse(new URL(req.url ?? '/', 'http://sandbox').searchParams.get('user'));
    const everyone = await people();
    const channels = await sandboxChannels(bot);
    // A page remembering someone no longer in the directory sees the first person instead.
    const user = viewer.success && everyone.some((p) => p.id === viewer.data) ? viewer.data : everyone[0]?.id;
    const profile = user ? slack.state.users.get(user) : undefined;
    sendJson(res, 200, {
      ok: true,
      now: bot.ctx.clock.now().toISOString(),
      clockOffsetMillis: clock.offsetMillis(),
      botTimeZone: bot.ctx.config.timezone,
      botUserId: slack.botUserId,
      people: everyone,
      channels,
      viewer: user ? { id: user, locale: profile?.locale?.startsWith('en') ? 'en' : 'zh-CN', timeZone: profile?.tz ?? bot.ctx.config.timezone } : null,
      ...(user ? workspaceFor(slack, user, modalOwners) : {}),
    });
  });

  routes.set('GET /sandbox/file', (req, res) => {
    const id = new URL(req.url ?? '/', 'http://sandbox').searchParams.get('id') ?? '';
    const file = slack.state.files.get(id);
    if (!file?.content) return sendJson(res, 404, { ok: false, error: 'no such file' });
    const type = contentTypes[path.extname(file.filename).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}` });
    res.end(file.content);
  });

  routes.set(
    'POST /sandbox/language',
    pageRoute(pageInput.language, async ({ user, locale }) => {
      const known = slack.state.users.get(user) ?? {};
      slack.setUser(user, { ...known, locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      // The bot caches profiles for an hour; the next look-up must see the new language.
      bot.ctx.profiles.forget(user);
      notify();
      return {};
    }),
  );

  routes.set(
    'POST /sandbox/clock',
    pageRoute(pageInput.clock, async ({ move }) => {
      const result = await moveBotClock(bot.ctx, clock, move);
      notify();
      return { now: bot.ctx.clock.now().toISOString(), ...result };
    }),
  );

  return { routes: onlyFromThisMachine(routes), closeStreams: events.close };
}

// Anyone who reaches the page acts as anyone in the directory, so it answers only to this
// machine, even though the bot's port listens on every interface (Slack's HTTP mode).
const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function onlyFromThisMachine(routes: Routes): Routes {
  return new Map(
    [...routes].map(([route, handler]) => [
      route,
      (req, res) =>
        loopback.has(req.socket.remoteAddress ?? '')
          ? handler(req, res)
          : sendJson(res, 403, { ok: false, error: 'the sandbox answers only to this machine: open it on http://localhost' }),
    ]),
  );
}
