// One Bolt listener per kind of payload, dispatching by id from a table. Bolt runs every
// registered listener's matching middleware for every request (a copy of the listener
// arguments per middleware per listener); with some 55 listeners that matching cost the
// bot more CPU per request than a bare Bolt app spends on the whole request. Registered
// through the router, a command, button, form or option source is found with one Map
// lookup, and Bolt matches five listeners instead of fifty-five. Anything the router
// does not route (events, messages, regular expressions, view_closed) goes to Bolt as
// registered.
import type { App } from '@slack/bolt';

type Listener = (args: any) => Promise<void>;
type Kind = 'command' | 'action' | 'view' | 'options' | 'shortcut';

/** The id a registration names, when it names exactly one (a string, or an object of only that id). */
function routedId(kind: Kind, constraint: unknown): string | null {
  if (typeof constraint === 'string') return constraint;
  if (!constraint || typeof constraint !== 'object') return null;
  const entries = Object.entries(constraint);
  const idKey = kind === 'action' || kind === 'options' ? 'action_id' : kind === 'command' ? null : 'callback_id';
  const [key, value] = entries.length === 1 ? entries[0]! : [];
  return idKey && key === idKey && typeof value === 'string' ? value : null;
}

/** The id of an incoming payload of that kind, as a registration names it. */
const incomingId: Record<Kind, (args: any) => unknown> = {
  command: (args) => args.command?.command,
  action: (args) => args.action?.action_id,
  view: (args) => (args.body?.type === 'view_submission' ? args.view?.callback_id : undefined),
  options: (args) => args.payload?.action_id,
  shortcut: (args) => args.shortcut?.callback_id,
};

// Everything of its kind reaches the one routing listener; it picks by id.
const everything = /^/;

/**
 * The app the areas register on: `wrap` applied to every listener, and commands,
 * actions, view submissions, option sources and shortcuts named by a plain id routed.
 */
export function routedApp(bolt: App, wrap: (listener: Listener) => Listener): App {
  const tables = new Map<Kind, Map<string, Listener>>();

  function tableFor(kind: Kind): Map<string, Listener> {
    let table = tables.get(kind);
    if (table) return table;
    const routes = new Map<string, Listener>();
    tables.set(kind, routes);
    const route: Listener = async (args) => {
      const id = incomingId[kind](args);
      const listener = typeof id === 'string' ? routes.get(id) : undefined;
      // Nothing registered for it: as with Bolt, nobody acks and Bolt reports it after 3 s.
      if (listener) await listener(args);
    };
    (bolt[kind] as (constraint: RegExp, listener: Listener) => void).call(bolt, everything, route);
    return routes;
  }

  return new Proxy(bolt, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'event' || property === 'message') {
        return (...args: unknown[]) => value.apply(target, wrapLast(args, wrap));
      }
      if (property !== 'command' && property !== 'action' && property !== 'view' && property !== 'options' && property !== 'shortcut') return value;
      const kind: Kind = property;
      return (...args: unknown[]) => {
        const id = args.length === 2 && typeof args[1] === 'function' ? routedId(kind, args[0]) : null;
        if (id === null) return value.apply(target, wrapLast(args, wrap));
        const table = tableFor(kind);
        if (table.has(id)) throw new Error(`two ${kind} listeners for ${id}`);
        table.set(id, wrap(args[1] as Listener));
      };
    },
  });
}

function wrapLast(args: unknown[], wrap: (listener: Listener) => Listener): unknown[] {
  const last = args.at(-1);
  return typeof last === 'function' ? [...args.slice(0, -1), wrap(last as Listener)] : args;
}
