// After an unclean stop the data folder still holds postmaster.pid. Postgres ignores it
// only when that pid is free; in containers pids are small and get reused, and when the
// server runs as "postgres" under root it cannot even probe a root process, so it would
// refuse to start. We decide ourselves whether the pid really is our server.
import { execFile } from 'node:child_process';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface ProcessInfo {
  ppid: number;
  command: string;
}

export interface RunningServer {
  pid: number;
  port: number;
}

/**
 * Clears a stale pid file and stops an orphaned server (its starter died without
 * stopping it). Returns the server when another live process runs it on this folder.
 */
export async function inspectPostmaster(dataDir: string, log: (line: string) => void): Promise<RunningServer | undefined> {
  const file = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const lines = content.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const info = Number.isInteger(pid) && pid > 0 ? await describe(pid) : undefined;

  if (!info || !(info.command.includes('postgres') && info.command.includes(dataDir))) {
    log(`removing stale ${file} (pid ${lines[0]} is not this cluster's server)`);
    await unlink(file);
    return undefined;
  }
  // Parent gone (reparented to init): the process that started it died without stopping it.
  if (info.ppid === 1) {
    log(`stopping orphaned Postgres (pid ${pid}) left running on ${dataDir}`);
    await stopProcess(pid);
    return undefined;
  }
  return { pid, port };
}

async function describe(pid: number): Promise<ProcessInfo | undefined> {
  try {
    const [cmdline, stat] = await Promise.all([readFile(`/proc/${pid}/cmdline`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    // Field 4 of /proc/<pid>/stat; the command name before it may contain spaces and parens.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { ppid, command: cmdline.split('\0').join(' ') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && process.platform === 'linux') return undefined;
  }
  // No /proc (macOS): ps exits non-zero when the pid does not exist.
  try {
    const { stdout } = await run('ps', ['-o', 'ppid=,args=', '-p', String(pid)]);
    const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
    return match ? { ppid: Number(match[1]), command: match[2] ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

async function stopProcess(pid: number): Promise<void> {
  // SIGINT is Postgres's "fast" shutdown; it removes postmaster.pid itself on the way out.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      throw new Error(`Orphaned Postgres (pid ${pid}) did not stop within 30s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
