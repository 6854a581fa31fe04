// What the page shows one viewer: the workspace as the stand-in holds it (channels,
// messages with their threads and files, the viewer's Home tab and open modals) plus the
// demo people from the directory. Ephemeral messages are shown to their one reader only,
// as in Slack.
import type { RunningBot } from '../app.ts';
import type { FakeSlack } from './slack-stand-in/server.ts';
import { dmChannelFor } from './slack-stand-in/state.ts';

export type SandboxPerson = { id: string; name: string; role: string; region: string | null; regionName: string | null; timeZone: string };
export type SandboxChannel = { id: string; kind: 'tickets' | 'cross_region' | 'supervisors'; region: string; regionName: string };

export async function sandboxPeople(bot: RunningBot): Promise<SandboxPerson[]> {
  const staff = await bot.db.staff.findMany({ where: { active: true }, include: { region: true }, orderBy: [{ regionCode: 'asc' }, { role: 'asc' }, { slackUserId: 'asc' }] });
  return staff.map((s) => ({
    id: s.slackUserId,
    name: s.name,
    role: s.role,
    region: s.regionCode,
    regionName: s.region?.name ?? null,
    timeZone: s.timezone ?? bot.ctx.config.timezone,
  }));
}

export async function sandboxChannels(bot: RunningBot): Promise<SandboxChannel[]> {
  const regions = await bot.db.region.findMany({ orderBy: { code: 'asc' } });
  return regions.flatMap((r) =>
    (
      [
        ['tickets', r.ticketChannelId],
        ['cross_region', r.crossRegionChannelId],
        ['supervisors', r.supervisorChannelId],
      ] as const
    ).flatMap(([kind, id]) => (id ? [{ id, kind, region: r.code, regionName: r.name }] : [])),
  );
}

/** Gives every demo person a Slack profile (name, time zone, language) the bot can look up. */
export function syncStandInUsers(slack: FakeSlack, people: SandboxPerson[], defaultLocale: string): void {
  for (const person of people) {
    const known = slack.state.users.get(person.id);
    if (known?.name === person.name && known.tz === person.timeZone) continue;
    slack.setUser(person.id, { locale: known?.locale ?? defaultLocale, tz: person.timeZone, name: person.name });
  }
}

export function workspaceFor(slack: FakeSlack, viewer: string, modalOwners: Map<string, string>) {
  const messages = slack
    .messages()
    .filter((m) => !m.ephemeralTo || m.ephemeralTo === viewer)
    .map((m) => ({
      channel: m.channel,
      ts: m.ts,
      text: m.text ?? '',
      blocks: m.blocks ?? null,
      attachments: m.attachments ?? null,
      threadTs: m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : null,
      ephemeral: Boolean(m.ephemeralTo),
      user: m.user ?? null,
      edited: m.edits > 0,
      files: (m.files ?? []).flatMap((id) => {
        const file = slack.state.files.get(id);
        return file ? [{ id, name: file.filename, title: file.title ?? file.filename, url: `/sandbox/file?id=${encodeURIComponent(id)}` }] : [];
      }),
    }));
  const stacks = slack.state.stacks.filter((stack) => modalOwners.get(stack[0]!) === viewer);
  return {
    dmChannel: dmChannelFor(viewer),
    messages,
    home: slack.homeViewOf(viewer) ?? null,
    // The newest stack's top view is the one the viewer sees.
    modal: stacks.length > 0 ? (slack.state.views.get(stacks.at(-1)!.at(-1)!) ?? null) : null,
    modalDepth: stacks.at(-1)?.length ?? 0,
    rejections: slack.rejections.slice(-5).map((r) => ({ method: r.method, error: r.error, violations: r.violations.slice(0, 5) })),
  };
}
