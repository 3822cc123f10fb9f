#!/usr/bin/env node
/**
 * `npm run bench`: runs bench/*.bench.ts in headless Chromium through the test
 * runner and prints each figure (median, p95 in ms) and its ratio to the
 * baseline measured in the same run. Prints figures; passes or fails nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const out = '.test-results/bench.json';
rmSync(out, { force: true });
const files = process.argv.slice(2).length ? process.argv.slice(2).join(',') : 'bench/**/*.bench.ts';
const r = spawnSync('npx', ['wtr', '--concurrency', '1'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, WTR_FILES: files, WTR_BENCH: '1', WTR_TOTALS: '.test-results/bench-totals.json' },
});
if (!existsSync(out)) {
  console.error('No benchmark figures were reported.');
  process.exit(r.status || 1);
}
const suites = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const { suite, figures } of suites) {
  console.log(`\n${suite}`);
  const byName = new Map(figures.map((f) => [f.name, f]));
  const w = Math.max(...figures.map((f) => f.name.length));
  console.log(`  ${'measure'.padEnd(w)}  median ms    p95 ms   ratio  goal`);
  for (const f of figures) {
    const base = f.baseline && byName.get(f.baseline);
    const ratio = base ? `${(f.median / base.median).toFixed(2)}×` : '';
    const p95 = f.unit ? f.unit : f.p95.toFixed(2); // a count or a size: one value, its unit in the p95 column
    console.log(`  ${f.name.padEnd(w)}  ${f.median.toFixed(2).padStart(9)}  ${p95.padStart(8)}  ${ratio.padStart(6)}  ${f.goal ?? ''}`);
  }
}
