// scratch: /am help, ours vs bare, 2000 at 50 in flight
import { startFakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import { testSigningSecret } from '../support/test-config.ts';
import { startBenchDatabase } from './bench-database.ts';
import { cpuSeconds, rssMegabytes, startBareBolt, startOurBot, type BenchProcess } from './bench-processes.ts';
import { describeLoad, runLoad } from './load.ts';
const bench = await startBenchDatabase();
const slack = await startFakeSlack();
const users = Array.from({ length: 50 }, (_, i) => `U0QUICK${String(i).padStart(2, '0')}`);
await bench.db.staff.createMany({ data: users.map((id) => ({ slackUserId: id, name: id, role: 'field_engineer' as const, regionCode: 'BJ', locale: 'en' })) });
for (const id of users) slack.setUser(id, { locale: 'en-US', tz: 'Asia/Shanghai' });
const ours = await startOurBot({ databaseUrl: bench.url, slackApiUrl: slack.apiUrl, nodeArgs: process.env.NODE_ARGS?.split(' ').filter(Boolean) });
const bare = await startBareBolt({ slackApiUrl: slack.apiUrl });
const idle = await rssMegabytes(ours);
let okBodies = 0;
try {
  for (const p of [ours, bare, ours, bare] as BenchProcess[]) {
    const driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${p.port}`, signingSecret: testSigningSecret });
    const send = async (i: number) => { const r = await driver.command({ command: '/am', text: 'help', userId: users[i % 50]!, responseUrl: slack.responseUrl({ userId: users[i % 50]! }) }); if (r.text.includes('help') || r.text.length > 50) okBodies++; return r; };
    await runLoad({ total: 200, concurrency: 50, send });
    const answered0 = slack.callsTo('response_url').length;
    const cpu = await cpuSeconds(p); const t = performance.now();
    const load = await runLoad({ total: 2000, concurrency: 50, send });
    while (p === ours && slack.callsTo('response_url').length - answered0 < 2000 && okBodies < 2000 && performance.now() - t < 60000) await new Promise((r) => setTimeout(r, 10));
    const secs = (performance.now() - t) / 1000;
    console.log(p.name, describeLoad(load), `answered ${(2000 / secs).toFixed(0)}/s`, `CPU ${(((await cpuSeconds(p)) - cpu) * 1000 / 2000).toFixed(2)} ms/req`, `bodies ${okBodies}`);
    okBodies = 0;
  }
  await new Promise((r) => setTimeout(r, 5000));
  console.log(`RSS ours idle ${idle.toFixed(0)} → ${(await rssMegabytes(ours)).toFixed(0)} MB; bare ${(await rssMegabytes(bare)).toFixed(0)}`);
} finally { await ours.stop(); await bare.stop(); await slack.close(); await bench.stop(); }
