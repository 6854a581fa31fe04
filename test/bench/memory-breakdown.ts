// Not part of `npm run bench`: where the production bot's memory is, idle and after N
// /am help at 50 in flight (prom-client's heap figures, /proc smaps by mapping), 5 and
// 20 s after. `N=2000 NODE_ARGS='--max-semi-space-size=8' BOT_ENV='{"MALLOC_ARENA_MAX":"2"}'
// npx tsx test/bench/memory-breakdown.ts` tries node options and environment variables.
import { readFile } from 'node:fs/promises';
import { startFakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import { testSigningSecret } from '../support/test-config.ts';
import { startBenchDatabase } from './bench-database.ts';
import { rssMegabytes, startOurBot } from './bench-processes.ts';
import { describeLoad, runLoad } from './load.ts';
const bench = await startBenchDatabase();
const slack = await startFakeSlack();
const bot = await startOurBot({ databaseUrl: bench.url, slackApiUrl: slack.apiUrl, nodeArgs: process.env.NODE_ARGS?.split(' ').filter(Boolean), env: JSON.parse(process.env.BOT_ENV ?? '{}') });
const show = async (label: string) => {
  const text = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
  const lines = text.split('\n').filter((l) => /^(process_resident|nodejs_heap_size|nodejs_external|nodejs_heap_space_size_used)/.test(l));
  console.log(`\n${label}: RSS ${(await rssMegabytes(bot)).toFixed(0)} MB`);
  for (const l of lines) { const [k, v] = [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ')))]; console.log('  ', k.padEnd(70), (v / 1048576).toFixed(1)); }
  const smaps = await readFile(`/proc/${bot.child.pid}/smaps`, 'utf8');
  const maps: [string, number][] = []; let name = '';
  for (const line of smaps.split('\n')) { const m = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line); if (m) name = m[1] || '[anon]'; const r = /^Rss:\s+(\d+)/.exec(line); if (r) maps.push([name, Number(r[1])]); }
  const agg = new Map<string, number>(); for (const [n, kb] of maps) agg.set(n, (agg.get(n) ?? 0) + kb);
  console.log('   by mapping:', [...agg].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, kb]) => `${n.split('/').pop()} ${(kb / 1024).toFixed(0)}`).join(', '));
  console.log('   anon mappings > 4 MB:', maps.filter(([n, kb]) => n === '[anon]' && kb > 4096).map(([, kb]) => (kb / 1024).toFixed(0)).join(' '));
};
await new Promise((r) => setTimeout(r, 3000));
await show('idle');
const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${bot.port}`, signingSecret: testSigningSecret });
console.log(describeLoad(await runLoad({ total: Number(process.env.N ?? 2000), concurrency: 50, send: () => driver.command({ command: '/am', text: 'help', userId: 'U0DEMOENG1', responseUrl: slack.responseUrl() }) })));
await new Promise((r) => setTimeout(r, 5000));
await show('after, 5 s');
await new Promise((r) => setTimeout(r, 15000));
await show('after, 20 s');
await bot.stop(); await slack.close(); await bench.stop();
