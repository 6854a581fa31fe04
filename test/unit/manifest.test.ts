// manifest.yml must paste into Slack's "create app from manifest" as it is: only keys the
// manifest schema knows, within its limits, and declaring every command the bot serves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands, shortcutIds } from '../../src/slack/ids.ts';

const manifest = parse(readFileSync('manifest.yml', 'utf8'));

// The keys the manifest schema (slackapi/manifest-schema, additionalProperties: false) allows where we use them.
const allowed: Record<string, string[]> = {
  '': ['_metadata', 'display_information', 'features', 'oauth_config', 'settings', 'outgoing_domains', 'functions', 'workflows', 'datastores', 'types'],
  _metadata: ['major_version', 'minor_version'],
  display_information: ['name', 'description', 'long_description', 'background_color'],
  features: ['app_home', 'bot_user', 'shortcuts', 'slash_commands', 'unfurl_domains', 'assistant_view', 'rich_previews'],
  'features.app_home': ['home_tab_enabled', 'messages_tab_enabled', 'messages_tab_read_only_enabled'],
  'features.bot_user': ['display_name', 'always_online'],
  oauth_config: ['scopes', 'redirect_urls', 'token_management_enabled'],
  'oauth_config.scopes': ['bot', 'user'],
  settings: ['allowed_ip_address_ranges', 'event_subscriptions', 'interactivity', 'org_deploy_enabled', 'socket_mode_enabled', 'token_rotation_enabled', 'incoming_webhooks', 'function_runtime', 'is_hosted', 'siws_links'],
  'settings.event_subscriptions': ['request_url', 'bot_events', 'user_events', 'metadata_subscriptions'],
  'settings.interactivity': ['is_enabled', 'request_url', 'message_menu_options_url'],
};

function unknownKeys(node: unknown, path = ''): string[] {
  if (!node || typeof node !== 'object' || Array.isArray(node) || !(path in allowed)) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const child = path ? `${path}.${key}` : key;
    return allowed[path]!.includes(key) ? unknownKeys(value, child) : [child];
  });
}

describe('manifest.yml', () => {
  it('uses only keys the manifest schema knows', () => {
    expect(unknownKeys(manifest)).toEqual([]);
  });

  it('stays within the schema’s limits', () => {
    const info = manifest.display_information;
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    expect(info.background_color).toMatch(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    for (const command of manifest.features.slash_commands) {
      expect(command.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(2000);
      expect((command.usage_hint ?? '').length).toBeLessThanOrEqual(1000);
    }
  });

  it('declares exactly the commands the bot serves', () => {
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command).sort();
    expect(declared).toEqual(Object.values(commands).sort());
  });

  it('declares exactly the shortcuts the bot serves, within the schema’s limits', () => {
    const shortcuts: { name: string; type: string; callback_id: string; description: string }[] = manifest.features.shortcuts;
    expect(shortcuts.map((s) => s.callback_id).sort()).toEqual(Object.values(shortcutIds).sort());
    expect(shortcuts.length).toBeLessThanOrEqual(10);
    for (const shortcut of shortcuts) {
      expect(Object.keys(shortcut).sort()).toEqual(['callback_id', 'description', 'name', 'type']);
      expect(['global', 'message']).toContain(shortcut.type);
      expect(shortcut.name.length).toBeGreaterThan(0);
      expect(shortcut.name.length).toBeLessThanOrEqual(24);
      expect(shortcut.description.length).toBeGreaterThan(0);
      expect(shortcut.description.length).toBeLessThanOrEqual(150);
      expect(shortcut.callback_id.length).toBeLessThanOrEqual(255);
    }
  });

  it('turns on what the bot relies on: interactivity, the Home tab, Socket Mode and the scopes of the methods it calls', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'users:read', 'im:write', 'files:write']),
    );
  });

  it('asks for every scope the code needs, and for none it does not use', () => {
    const needed = new Set(neededScopes());
    const asked: string[] = manifest.oauth_config.scopes.bot;
    expect(asked.filter((scope) => !needed.has(scope)), 'scopes nothing uses').toEqual([]);
    expect([...needed].filter((scope) => !asked.includes(scope)), 'scopes missing from manifest.yml').toEqual([]);
  });

  it('answers the Messages tab when it is writable', () => {
    const { messages_tab_enabled: enabled, messages_tab_read_only_enabled: readOnly } = manifest.features.app_home;
    if (enabled && !readOnly) {
      expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
      expect(readFileSync('handlers/directory/index.ts', 'utf8')).toMatch(/app\.message\(/);
    }
  });
});

// The scopes each Web API method needs (Slack's method reference). A method missing here
// fails the test below: look its scopes up and add it.
const scopesOfMethod: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.open': ['im:write'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'users.info': ['users:read'],
  'files.uploadV2': ['files:write'],
  'views.open': [],
  'views.update': [],
  'views.publish': [],
  'views.push': [],
  'auth.test': [],
};
const scopesOfEvent: Record<string, string[]> = { app_home_opened: [], 'message.im': ['im:history'] };

/** Every `client.<family>.<method>(` call in the bot's sources. */
function calledMethods(): string[] {
  const files = ['src', 'handlers'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)));
  const methods = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.ts') && !f.startsWith(join('src', 'generated')))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bclient\.([a-z]+)\.([a-zA-Z0-9]+)\(/g)) methods.add(`${match[1]}.${match[2]}`);
  }
  return [...methods].sort();
}

function neededScopes(): string[] {
  const methods = calledMethods();
  expect(methods).toEqual(expect.arrayContaining(['chat.postMessage', 'users.info', 'views.open']));
  expect(methods.filter((method) => !(method in scopesOfMethod)), 'methods whose scopes this test does not know').toEqual([]);
  const events: string[] = manifest.settings.event_subscriptions.bot_events;
  expect(events.filter((event) => !(event in scopesOfEvent)), 'events whose scopes this test does not know').toEqual([]);
  return [
    ...(manifest.features.slash_commands.length > 0 ? ['commands'] : []),
    ...methods.flatMap((method) => scopesOfMethod[method]!),
    // Posting into a region's public channel without an invitation first.
    ...(methods.includes('chat.postMessage') ? ['chat:write.public'] : []),
    ...events.flatMap((event) => scopesOfEvent[event]!),
  ];
}
