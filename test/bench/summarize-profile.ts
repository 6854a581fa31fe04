// Prints the functions with the most self time in a .cpuprofile, and the files/packages.
// `npx tsx test/bench/summarize-profile.ts FILE.cpuprofile [N]`
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(process.argv[3] ?? 30);
const self = new Map<number, number>();
// PROFILE_SKIP_MS: leave out the first milliseconds (the start-up).
const skipMicros = Number(process.env.PROFILE_SKIP_MS ?? 0) * 1000;
let elapsed = 0;
profile.samples.forEach((id, i) => {
  elapsed += profile.timeDeltas[i] ?? 0;
  if (elapsed >= skipMicros) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const micros = self.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
  byFunction.set(`${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`, (byFunction.get(`${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`) ?? 0) + micros);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? (file.startsWith('./') ? file.split('/').slice(0, 3).join('/') : file.split('/')[0] || functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
}
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
};
show('self time by package/folder', byPackage);
show('self time by function', byFunction);

// `… FILE N NAME`: where the self time of functions named NAME comes from (their callers, 6 deep).
const focus = process.argv[4];
if (focus) {
  const parent = new Map<number, Node>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const stacks = new Map<string, number>();
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== focus) continue;
    const chain: string[] = [];
    for (let p = parent.get(node.id); p && chain.length < 8; p = parent.get(p.id)) chain.push(`${p.callFrame.functionName || '(anon)'}@${p.callFrame.url.split('/').slice(-2).join('/')}:${p.callFrame.lineNumber + 1}`);
    const key = chain.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  console.log(`\ncallers of ${focus}`);
  for (const [key, micros] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}

// `PROFILE_INCLUSIVE=1`: total time under each function (self + callees), top N.
if (process.env.PROFILE_INCLUSIVE) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<number, number>();
  const visit = (node: Node): number => {
    let sum = self.get(node.id) ?? 0;
    for (const child of node.children ?? []) sum += visit(byId.get(child)!);
    inclusive.set(node.id, sum);
    return sum;
  };
  visit(profile.nodes[0]!);
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.replace(/^file:\/\//, '').replace(process.cwd(), '.')}:${node.callFrame.lineNumber + 1}`;
    // Recursion counts once: only frames with no ancestor of the same key add.
    byName.set(key, (byName.get(key) ?? 0) + (inclusive.get(node.id) ?? 0));
  }
  show('inclusive time by function', byName);
}
