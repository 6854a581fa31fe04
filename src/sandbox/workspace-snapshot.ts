// The stand-in's workspace (channels' messages, Home tabs, uploaded files, profiles) kept
// in a file, so what was done in the sandbox is still there after a restart, as the
// database's data is: a ticket message the bot updates later must still exist. Open
// modals are not kept (Slack closes them when the client reloads). Written at most once a
// second after a change; a file that cannot be read or written costs the history, not the
// start.
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import type { FakeFile, FakeMessage, FakeState, FakeUserInput } from './slack-stand-in/state.ts';

type Snapshot = {
  version: 1;
  counter: number;
  messages: FakeMessage[];
  homeViews: [string, Record<string, any>][];
  files: (Omit<FakeFile, 'content'> & { content?: string })[];
  users: [string, FakeUserInput][];
};

const saveDelayMillis = 1000;

export function restoreWorkspace(state: FakeState, file: string, logger: Logger): void {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error, file }, 'sandbox: the saved workspace could not be read; starting empty');
    return;
  }
  if (snapshot.version !== 1) return;
  state.resumeCounter(snapshot.counter);
  state.messages = snapshot.messages;
  for (const [user, view] of snapshot.homeViews) {
    state.views.set(view.id, view);
    state.homeViews.set(user, view.id);
  }
  for (const saved of snapshot.files) state.files.set(saved.id, { ...saved, content: saved.content === undefined ? undefined : Buffer.from(saved.content, 'base64') });
  for (const [id, user] of snapshot.users) state.users.set(id, user);
}

/** Saves the workspace a second after the latest change; `flush` writes what is pending now. */
export function workspaceSaver(state: FakeState, file: string, logger: Logger): { changed(): void; flush(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = async () => {
    timer = undefined;
    const snapshot: Snapshot = {
      version: 1,
      counter: state.counterValue(),
      messages: state.liveMessages(),
      homeViews: [...state.homeViews].flatMap(([user, id]) => (state.views.has(id) ? [[user, state.views.get(id)!] as [string, Record<string, any>]] : [])),
      files: [...state.files.values()].map((f) => ({ ...f, content: f.content?.toString('base64') })),
      users: [...state.users],
    };
    try {
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside, then renamed: a crash mid-write leaves the previous file whole.
      await writeFile(`${file}.tmp`, JSON.stringify(snapshot));
      await rename(`${file}.tmp`, file);
    } catch (error) {
      logger.warn({ err: error, file }, 'sandbox: the workspace could not be saved');
    }
  };
  return {
    changed() {
      timer ??= setTimeout(() => void (writing = writing.then(save)), saveDelayMillis);
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        writing = writing.then(save);
      }
      await writing;
    },
  };
}
