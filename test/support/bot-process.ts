// The bot as a real child process for process tests: one node process running
// src/main.ts with tsx as its loader. Not the tsx CLI: that runs the bot in a second
// process and, when the bot does not confirm a relayed signal within 30 ms (a loaded
// machine), SIGKILLs it, which no graceful stop survives. The environment is only what
// the test gives (a developer's .env must not leak in); the output is kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';


export type BotProcess = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

export function startBotProcess(env: Record<string, string>, args: string[] = []): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/main.ts'), ...args], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', DOTENV_CONFIG_PATH: '/nonexistent', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

/**
 * Status of a request to the bot, or 0 while nothing answers on the port. A new
 * connection each time: a pooled keep-alive one that the server times out just as it is
 * reused would look like a closed server.
 */
export function statusOf(port: number, path: string, init: { method?: string; body?: string } = {}): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(init.body);
  });
}

/** Waits until /readyz answers 200 (the process is started and serving). */
export async function waitForReady(port: number, bot: BotProcess): Promise<void> {
  let exited = false;
  void bot.exit.then(() => (exited = true));
  for (let i = 0; i < 600 && !exited; i++) {
    if ((await statusOf(port, '/readyz')) === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never ready:\n${bot.output()}`);
}
