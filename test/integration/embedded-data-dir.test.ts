// As root the embedded server runs as "postgres": a project cloned into a folder only root
// may enter (mktemp -d is 0700) still starts. The default data folder moves to /var/tmp,
// one chosen explicitly is left for its error to be reported, and the binaries are run
// from a copy the server user can reach.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDataDir } from '../../src/db/embedded/data-dir.ts';
import { serverAccount } from '../../src/db/embedded/postgres-account.ts';
import { reachableBinaries } from '../../src/db/embedded/postgres-binaries.ts';

const asRoot = process.getuid?.() === 0;

describe.skipIf(!asRoot)('a project in a folder the server user cannot enter', () => {
  let closed: string;
  beforeAll(async () => {
    closed = await mkdtemp(path.join(os.tmpdir(), 'keyaccount-closed-'));
    await chmod(closed, 0o700);
  });
  afterAll(() => rm(closed, { recursive: true, force: true }));

  it('keeps the default data folder where "postgres" can reach it, and an explicit one where it was put', async () => {
    const configured = path.join(closed, 'project/.data/postgres');
    const lines: string[] = [];
    const moved = await embeddedDataDir({ configured, explicit: false, log: (line) => lines.push(line) });
    expect(moved.startsWith('/var/tmp/keyaccount-data-')).toBe(true);
    expect(lines.join('\n')).toContain(closed);
    expect(await embeddedDataDir({ configured, explicit: true, log: () => {} })).toBe(configured);
    const open = path.join(os.tmpdir(), 'keyaccount-open-data');
    expect(await embeddedDataDir({ configured: open, explicit: false, log: () => {} })).toBe(open);
  });

  it('runs the binaries from a copy the server user can reach', async () => {
    const native = path.join(closed, 'node_modules/pkg/native');
    await mkdir(path.join(native, 'bin'), { recursive: true });
    for (const name of ['initdb', 'postgres']) await writeFile(path.join(native, 'bin', name), '#!/bin/sh\n', { mode: 0o755 });
    const account = (await serverAccount(() => {}))!;
    const binaries = await reachableBinaries({ initdb: path.join(native, 'bin/initdb'), postgres: path.join(native, 'bin/postgres') }, account, () => {});
    try {
      expect(binaries.postgres.startsWith(closed)).toBe(false);
      expect(path.basename(binaries.initdb)).toBe('initdb');
      // Where they already are reachable, nothing is copied.
      const reachable = await reachableBinaries(binaries, account, () => {});
      expect(reachable).toEqual(binaries);
    } finally {
      await rm(path.dirname(path.dirname(binaries.postgres)), { recursive: true, force: true });
    }
  });
});
