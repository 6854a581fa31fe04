// The operator's files agree with the code: the README's configuration table and
// .env.example name exactly the variables src/config.ts reads; the Dockerfile installs
// and starts the way the production-install test does; compose.yaml runs the bot on its
// own PostgreSQL 18 with health checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configVariables } from '../../src/config.ts';

const read = (file: string) => readFileSync(file, 'utf8');
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

function readmeTableVariables(): string[] {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('\n## Configuration'), readme.indexOf('\n## ', readme.indexOf('\n## Configuration') + 1));
  const firstCells = section.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split('|')[1]!);
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
}

function envExampleVariables(): string[] {
  return read('.env.example')
    .split('\n')
    .flatMap((line) => /^#?\s?([A-Z][A-Z0-9_]+)=/.exec(line)?.[1] ?? []);
}

describe('configuration documents', () => {
  it('the README table lists every variable src/config.ts reads, and no other', () => {
    expect(sorted(readmeTableVariables())).toEqual(sorted(configVariables));
  });

  it('.env.example lists the same variables, each with a comment', () => {
    expect(sorted(envExampleVariables())).toEqual(sorted(configVariables));
    const lines = read('.env.example').split('\n');
    lines.forEach((line, index) => {
      if (/^[A-Z]/.test(line)) expect(lines[index - 1], `a comment above ${line}`).toMatch(/^#/);
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  const stages = dockerfile.split('\n').filter((line) => line.startsWith('FROM '));

  it('builds in one stage and runs in another, as a user who is not root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER (?!root\b|0\b)\S+$/m);
    for (const needed of ['package.json', 'node_modules', 'dist', 'prisma']) expect(runtime).toMatch(new RegExp(`^COPY --from=\\S+ .*/app/${needed}\\b`, 'm'));
  });

  it('installs with the tested production install and starts what npm start execs, with node as PID 1', () => {
    expect(dockerfile).toMatch(/^RUN (--mount=\S+ )*npm ci --omit=dev$/m);
    const start = packageJson.scripts.start!;
    expect(start).toMatch(/^exec node( --\S+)* dist\/\S+\.js$/);
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd!)).toEqual(start.replace(/^exec /, '').split(' '));
  });

  it('keeps installs, builds, local data and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'src/generated', '.data', '.env']));
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'));
  const db = compose.services.db;
  const bot = compose.services.bot;

  it('runs PostgreSQL 18 on a named volume, healthy once pg_isready says so', () => {
    expect(db.image).toMatch(/^postgres:18(\b|$)/);
    const [volume] = String(db.volumes[0]).split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
  });

  it('starts the bot from this Dockerfile once the database is healthy, in production, checked on /readyz', () => {
    expect(bot.build).toBe('.');
    expect(bot.depends_on.db.condition).toBe('service_healthy');
    expect(bot.environment.NODE_ENV).toBe('production');
    expect(bot.environment.DATABASE_URL).toMatch(/^postgresql:\/\/.+@db:5432\/keyaccount$/);
    expect(bot.healthcheck.test.join(' ')).toContain(`127.0.0.1:${bot.environment.PORT}/readyz`);
  });
});
