// The layers, enforced: the domain and the database code never see Slack (no `@slack/*`
// package, nothing under src/slack), the domain words nothing for people (the edge does),
// and nothing under src/ reaches into the listeners in handlers/ — except src/app.ts,
// the composition root that registers them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

/** Every module a file imports (static, dynamic or type-only), resolved to a root-relative path or a package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2]!);
  return specifiers.map((s) => (s.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), s)) : s));
}

function offenders(folders: string[], forbidden: (target: string) => boolean, allowed: string[] = []): string[] {
  return folders
    .flatMap(sourcesUnder)
    .filter((file) => !allowed.includes(file))
    .flatMap((file) => importsOf(file).filter(forbidden).map((target) => `${file} → ${target}`));
}

describe('layers', () => {
  it('keeps Slack out of the domain and the database code', () => {
    expect(offenders(['src/domain', 'src/db'], (target) => target.startsWith('@slack/') || target.startsWith('src/slack/'))).toEqual([]);
  });

  it('keeps user-facing text out of the domain: it may name catalog keys (types), never word them', () => {
    const wording = sourcesUnder('src/domain').filter((file) => /^import (?!type )[^;]*from '[^']*\/i18n\//m.test(readFileSync(path.join(root, file), 'utf8')));
    expect(wording).toEqual([]);
  });

  it('keeps the listeners out of src/, but for the composition root', () => {
    expect(offenders(['src'], (target) => target.startsWith('handlers/'), ['src/app.ts'])).toEqual([]);
  });

  it('sees imports at all (a reader that found none would pass anything)', () => {
    expect(importsOf('src/app.ts')).toContain('handlers/index.ts');
    expect(importsOf('src/slack/sender.ts')).toContain('@slack/web-api');
  });
});
