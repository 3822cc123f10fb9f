#!/usr/bin/env node
/**
 * `npm test`: every check a landing depends on, in order — lint, type check,
 * browser tests (Chromium; Firefox ESR too with FIREFOX=1 or when installed and
 * CI is set), Node tests (server, CLI, package), build, size budgets. Runs every
 * step even after a failure so one run shows everything, then prints the totals
 * as `N passed, N failed` and exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const results = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, cmd, args, env = {}) {
  const start = Date.now();
  console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - start) / 1000).toFixed(1) });
  return ok;
}

function addTotals(file) {
  try {
    const t = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += t.passed;
    totals.failed += t.failed;
    totals.skipped += t.skipped ?? 0;
    failures.push(...(t.failures ?? []));
    return t;
  } catch {
    return undefined;
  }
}

rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });

step('lint', 'npx', ['eslint', '.']);
step('type check', 'npx', ['tsc', '--noEmit']);
step('build', 'npm', ['run', '--silent', 'build']);

// Browser tests, once per browser.
const browsers = ['chromium'];
if (process.env.FIREFOX === '1' || (process.env.FIREFOX !== '0' && existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'))) browsers.push('firefox');
for (const browser of browsers) {
  const file = `.test-results/browser-${browser}.json`;
  const ok = step(`browser tests (${browser})`, 'npx', ['wtr'], { WTR_BROWSER: browser, WTR_TOTALS: file });
  if (!addTotals(file) && !ok) totals.failed++;
}

// Node tests: server, CLI, package (test/node/**/*.test.mjs|ts).
const nodeTests = existsSync('test/node')
  ? readdirSync('test/node', { recursive: true }).filter((f) => /\.test\.(mjs|ts)$/.test(f)).map((f) => `test/node/${f}`)
  : [];
if (nodeTests.length) {
  const ok = step('node tests', 'node', [
    '--import', 'tsx',
    '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./test/server/node-totals-reporter.mjs', '--test-reporter-destination=.test-results/node.json',
    ...nodeTests,
  ]);
  if (!addTotals('.test-results/node.json') && !ok) totals.failed++;
}

step('size budgets', 'node', ['scripts/size.mjs']);

console.log('\nSteps:');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)`);
writeFileSync('.test-results/totals.json', JSON.stringify(totals));
if (failures.length) {
  // Again at the end, where a CI log's tail shows them.
  console.log('\nFailed tests:');
  for (const f of failures.slice(0, 30)) console.log(`  ✗ ${f}`);
  if (failures.length > 30) console.log(`  … and ${failures.length - 30} more`);
}
const failedSteps = results.filter((r) => !r.ok).length;
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failedSteps || totals.failed ? 1 : 0);
