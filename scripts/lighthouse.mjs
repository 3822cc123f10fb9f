#!/usr/bin/env node
/**
 * `npm run lighthouse [-- --runs 3] [-- --base http://host:port] [-- --pages home,article]`:
 * Lighthouse 12.2.3, its default mobile preset (simulated throttling: 150 ms
 * RTT, 1.6 Mbps, CPU 4×; Moto G Power, 412 px), on the demo pages as
 * `npm start` serves them (the hub with no config, started here on a free
 * port unless --base names a running one), in Debian's Chromium (CHROME_PATH).
 * Prints, per page, the median of N runs of the score and each metric, the
 * bytes transferred, and the top opportunities/diagnostics of the median run.
 *
 * Lighthouse 12.2.3's trace engine predates Chromium 156's trace format: the
 * audits that need its "RootCauses" step (layout-shifts, the LCP element,
 * render-blocking-resources, ...) fail there. The script names them and
 * measures the figures itself in the same browser (412 px, no throttling
 * needed for which element it is): the layout shifts summed and their
 * sources (PerformanceObserver `layout-shift`), the LCP element, and the
 * render-blocking resources (Resource Timing `renderBlockingStatus`).
 * A figure, not a test: passes or fails nothing; not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The demo pages measured: what the issue names home, article, list, and the English home. */
export const DEMO_PAGES = {
  home: '/demo/',
  article: '/demo/bai-viet.html?id=hoi-nghi-giao-ban-mttq-quy-1-2024',
  list: '/demo/tin-tuc.html',
  en: '/demo/en.html',
};

const USAGE = `Usage: npm run lighthouse -- [--runs N] [--pages home,article,list,en|/path] [--base URL] [--json FILE]
  --runs N     runs per page, the median is printed (default 3)
  --pages      page names (${Object.keys(DEMO_PAGES).join(', ')}) or paths, comma-separated (default: all)
  --base URL   measure a server already running (default: start the demo hub on a free port)
  --json FILE  also write the summaries as JSON`;

/** Reads the command line; throws an Error whose message says what is wrong. */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      pages: { type: 'string' },
      base: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 25) throw new Error(`--runs must be a whole number from 1 to 25, not "${values.runs}".`);
  const names = values.pages ? values.pages.split(',').map((s) => s.trim()).filter(Boolean) : Object.keys(DEMO_PAGES);
  const pages = names.map((name) => {
    if (name.startsWith('/')) return { name, path: name };
    if (!(name in DEMO_PAGES)) throw new Error(`Unknown page "${name}": one of ${Object.keys(DEMO_PAGES).join(', ')}, or a path starting with /.`);
    return { name, path: DEMO_PAGES[name] };
  });
  if (values.base !== undefined && !/^https?:\/\/[^/]+/.test(values.base)) throw new Error(`--base must be an http(s) URL, not "${values.base}".`);
  return { runs, pages, base: values.base?.replace(/\/$/, ''), json: values.json, help: Boolean(values.help) };
}

/** The metrics printed, by Lighthouse audit id. */
export const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
  bytes: 'total-byte-weight',
};

export const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** What an audit says it would save: ms (its own estimate, else the largest metric saving) and bytes. */
function savingsOf(audit) {
  const ms = audit.details?.overallSavingsMs || Math.max(0, ...Object.entries(audit.metricSavings ?? {}).filter(([k]) => k !== 'CLS').map(([, v]) => v ?? 0));
  return { ms: ms || 0, bytes: audit.details?.overallSavingsBytes || 0, cls: audit.metricSavings?.CLS || 0 };
}

/**
 * The opportunities and diagnostics of one Lighthouse result that fail or
 * estimate a saving, largest estimated saving first (ms, then CLS, then bytes).
 */
export function opportunities(lhr, top = 3) {
  const refs = lhr.categories.performance.auditRefs.filter((r) => r.group === 'diagnostics' || r.group === 'load-opportunities');
  return refs
    .map((r) => lhr.audits[r.id])
    .filter((a) => a && a.scoreDisplayMode !== 'error' && a.scoreDisplayMode !== 'notApplicable')
    .map((a) => ({ id: a.id, title: a.title, displayValue: a.displayValue ?? '', score: a.score, ...savingsOf(a) }))
    .filter((a) => (a.score !== null && a.score < 0.9) || a.ms > 0 || a.bytes > 0 || a.cls > 0)
    .sort((a, b) => b.ms - a.ms || b.cls - a.cls || b.bytes - a.bytes)
    .slice(0, top);
}

/** The audits of the category that could not run, with Lighthouse's reason. */
export function failedAudits(lhr) {
  return lhr.categories.performance.auditRefs
    .map((r) => lhr.audits[r.id])
    .filter((a) => a?.scoreDisplayMode === 'error')
    .map((a) => ({ id: a.id, reason: a.errorMessage ?? '' }));
}

/** One page's runs → medians of the score and metrics, and the median run's opportunities. */
export function summarize(name, lhrs) {
  if (!lhrs.length) throw new Error(`No Lighthouse result for ${name}.`);
  const scores = lhrs.map((l) => l.categories.performance.score);
  const figures = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, median(lhrs.map((l) => l.audits[id]?.numericValue))]));
  const spreadOf = (xs) => (xs.some((x) => x === null) ? null : [Math.min(...xs), Math.max(...xs)]);
  // The run whose score is the median (by score, then LCP) speaks for the page's opportunities.
  const order = lhrs.map((l, i) => i).sort((a, b) => scores[a] - scores[b] || (lhrs[a].audits[METRICS.LCP]?.numericValue ?? 0) - (lhrs[b].audits[METRICS.LCP]?.numericValue ?? 0));
  const medianRun = lhrs[order[Math.floor((order.length - 1) / 2)]];
  return {
    name,
    url: medianRun.finalDisplayedUrl ?? medianRun.requestedUrl,
    runs: lhrs.length,
    score: median(scores.map((s) => (s === null ? null : s * 100))),
    scoreSpread: spreadOf(scores.map((s) => (s === null ? null : Math.round(s * 100)))),
    ...figures,
    opportunities: opportunities(medianRun),
    failed: failedAudits(medianRun),
    // Lighthouse's CPU benchmark of this machine: simulated TBT scales with it, so a busy machine reads slower.
    benchmarkIndex: median(lhrs.map((l) => l.environment?.benchmarkIndex)),
    warnings: [...new Set(lhrs.flatMap((l) => l.runWarnings ?? []))],
    runtimeError: lhrs.map((l) => l.runtimeError?.message).find(Boolean),
  };
}

const fmt = {
  ms: (v) => (v === null ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`),
  cls: (v) => (v === null ? 'n/a' : v.toFixed(3)),
  kib: (v) => (v === null ? 'n/a' : `${(v / 1024).toFixed(0)} KiB`),
};

/** The summaries (and, per page, the figures measured in the page) as the text printed. */
export function formatReport(summaries, measured = {}) {
  const cols = ['page', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'SI', 'transferred'];
  const rows = summaries.map((s) => [
    s.name,
    s.score === null ? 'n/a' : `${Math.round(s.score)}${s.scoreSpread && s.scoreSpread[0] !== s.scoreSpread[1] ? ` (${s.scoreSpread[0]}–${s.scoreSpread[1]})` : ''}`,
    fmt.ms(s.FCP),
    fmt.ms(s.LCP),
    fmt.ms(s.TBT),
    fmt.cls(s.CLS),
    fmt.ms(s.SI),
    fmt.kib(s.bytes),
  ]);
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (r) => `  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
  const out = [line(cols), ...rows.map(line)];
  for (const s of summaries) {
    out.push('', `${s.name} (${s.url}), median of ${s.runs}${s.benchmarkIndex ? `, CPU benchmark index ${Math.round(s.benchmarkIndex)}` : ''}:`);
    if (s.runtimeError) out.push(`  Lighthouse runtime error: ${s.runtimeError}`);
    for (const w of s.warnings) out.push(`  warning: ${w}`);
    if (!s.opportunities.length) out.push('  no opportunity or diagnostic estimates a saving');
    for (const o of s.opportunities) {
      const saves = [o.ms && `${Math.round(o.ms)} ms`, o.cls && `CLS ${o.cls.toFixed(3)}`, o.bytes && `${(o.bytes / 1024).toFixed(0)} KiB`].filter(Boolean).join(', ');
      out.push(`  - ${o.id}: ${o.title}${o.displayValue ? ` (${o.displayValue})` : ''}${saves ? `; est. saving ${saves}` : ''}`);
    }
    // The reasons chain ("gatherer X failed: dependency Y failed with exception: Z"): Z is the cause.
    const causes = [...new Set(s.failed.map((f) => f.reason.replace(/^.*(?:exception|error): /, '')))];
    if (s.failed.length) out.push(`  could not run with this Chromium: ${s.failed.map((f) => f.id).join(', ')} (${causes.join('; ')})`);
    const loads = measured[s.name];
    if (loads?.length) {
      // The worst load shows what shifts; the median says how often.
      const worst = loads.reduce((a, b) => (b.cls > a.cls ? b : a));
      out.push(`  measured in the page instead (${loads.length} load(s), 412 px, CPU 4× and slow 4G applied): CLS median ${median(loads.map((l) => l.cls)).toFixed(3)}, worst ${worst.cls.toFixed(3)}; LCP element ${worst.lcpElement ?? 'none'} at ${Math.round(worst.lcp)} ms`);
      for (const sh of worst.shifts.slice(0, 5)) out.push(`    shift ${sh.value.toFixed(3)} at ${Math.round(sh.time)} ms: ${sh.sources.join(', ') || '(no source named)'}`);
      out.push(`    render-blocking: ${worst.renderBlocking.length ? worst.renderBlocking.join(', ') : 'none'}`);
    }
  }
  return out.join('\n');
}

// ---- the run -----------------------------------------------------------------

/** Starts the demo as `npm start` serves it (the hub, no config, fresh data) on a free port. */
function startDemoHub() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/src/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'portal-lighthouse-')) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo hub did not start in 30 s:\n${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the demo hub exited (${code}):\n${stderr}`)));
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /Demo portal: (http:\/\/[^/\s]+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1].replace('//localhost:', '//127.0.0.1:'), stop: () => child.kill('SIGTERM') });
      }
    });
  });
}

/** In the page, before its scripts: collects layout shifts, LCP and its element. */
function observeInPage() {
  // Nodes in a shadow root are not exposed to the observer (null): said so, the host is then among the other sources.
  const describe = (n) => (!n ? '(in a shadow root)' : n.nodeType === 1 ? `${n.localName}${n.id ? `#${n.id}` : ''}${n.classList?.length ? `.${[...n.classList].join('.')}` : ''}` : n.nodeName);
  window.__measured = { shifts: [], lcp: 0, lcpElement: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__measured.shifts.push({ value: e.value, time: e.startTime, sources: (e.sources ?? []).map((s) => describe(s.node)) });
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) Object.assign(window.__measured, { lcp: e.renderTime || e.loadTime || e.startTime, lcpElement: describe(e.element) });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/**
 * The figures Lighthouse cannot give with this Chromium, measured in one cold
 * load of the page at 412 px with Lighthouse's mobile throttling applied for
 * real (CPU 4×, its slow-4G figures), as a phone meets it: unthrottled, the
 * feeds often arrive before the first paint and their shifts go unseen.
 */
async function measureInPage(puppeteer, throttling, port, url) {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    await page.emulateCPUThrottling(throttling.cpuSlowdownMultiplier);
    await page.emulateNetworkConditions({
      latency: throttling.requestLatencyMs,
      download: (throttling.downloadThroughputKbps * 1024) / 8,
      upload: (throttling.uploadThroughputKbps * 1024) / 8,
    });
    await page.evaluateOnNewDocument(observeInPage);
    await page.goto(url, { waitUntil: 'networkidle0', timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 1000)); // late shifts: the feeds' renders after the network settles
    return await page.evaluate(() => ({
      ...window.__measured,
      cls: window.__measured.shifts.reduce((s, e) => s + e.value, 0),
      renderBlocking: performance
        .getEntriesByType('resource')
        .filter((r) => r.renderBlockingStatus === 'blocking')
        .map((r) => new URL(r.name).pathname),
    }));
  } finally {
    await context.close();
    browser.disconnect();
  }
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) return console.log(USAGE);
  if (!options.base && !existsSync('dist/cdn/portal-widgets.js')) {
    console.error('dist/cdn/portal-widgets.js is missing: run `npm run build` first (the demo serves dist/).');
    process.exit(1);
  }
  const [{ default: lighthouse }, chromeLauncher, { default: puppeteer }, constants] = await Promise.all([
    import('lighthouse'),
    import('chrome-launcher'),
    import('puppeteer-core'),
    import('lighthouse/core/config/constants.js'),
  ]);
  const throttling = constants.throttling.mobileSlow4G;
  const hub = options.base ? null : await startDemoHub();
  const base = options.base ?? hub.url;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const version = await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json();
    console.log(`Lighthouse 12.2.3 mobile (simulated throttling, 412 px), ${version.Browser}, ${base}, median of ${options.runs} run(s) per page.\n`);
    const summaries = [];
    const measured = {};
    for (const { name, path: pagePath } of options.pages) {
      const url = `${base}${pagePath}`;
      const lhrs = [];
      for (let i = 0; i < options.runs; i++) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        lhrs.push(result.lhr);
        process.stderr.write(`  ${name} run ${i + 1}: ${Math.round((result.lhr.categories.performance.score ?? 0) * 100)}\n`);
      }
      const summary = summarize(name, lhrs);
      summaries.push(summary);
      if (summary.failed.length) {
        measured[name] = [];
        for (let i = 0; i < options.runs; i++) measured[name].push(await measureInPage(puppeteer, throttling, chrome.port, url));
      }
    }
    console.log(formatReport(summaries, measured));
    if (options.json) writeFileSync(options.json, `${JSON.stringify({ summaries, measured }, null, 2)}\n`);
  } finally {
    chrome.kill();
    hub?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
