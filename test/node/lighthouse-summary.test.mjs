/**
 * `npm run lighthouse`'s own logic, without a browser: the command line, the
 * medians of the runs, the opportunities ranked by estimated saving, the
 * audits that could not run, and the printed table.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PAGES, formatReport, opportunities, parseOptions, summarize } from '../../scripts/lighthouse.mjs';

/** A Lighthouse result with only what the summary reads. */
function lhr({ score, lcp, cls = 0, audits = {}, errors = [] }) {
  const metric = (numericValue) => ({ scoreDisplayMode: 'numeric', numericValue });
  const all = {
    'first-contentful-paint': metric(1000),
    'largest-contentful-paint': metric(lcp),
    'total-blocking-time': metric(100),
    'cumulative-layout-shift': metric(cls),
    'speed-index': metric(1200),
    'total-byte-weight': { scoreDisplayMode: 'informative', numericValue: 500 * 1024, score: 1 },
    ...audits,
    ...Object.fromEntries(errors.map((id) => [id, { id, scoreDisplayMode: 'error', score: null, errorMessage: 'Required RootCauses gatherer encountered an error: Cannot read frame_sequence' }])),
  };
  const metrics = new Set(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']);
  for (const [id, a] of Object.entries(all)) a.id = id;
  return {
    requestedUrl: 'http://x/demo/',
    categories: { performance: { score, auditRefs: Object.keys(all).map((id) => ({ id, group: metrics.has(id) ? 'metrics' : 'diagnostics' })) } },
    audits: all,
    environment: { benchmarkIndex: 2000 },
  };
}

test('the command line: defaults, page names and paths, and what it refuses', () => {
  const d = parseOptions([]);
  assert.equal(d.runs, 3);
  assert.deepEqual(d.pages.map((p) => p.name), Object.keys(DEMO_PAGES));
  const o = parseOptions(['--runs', '5', '--pages', 'list,/demo/csp.html', '--base', 'http://127.0.0.1:8080/']);
  assert.equal(o.runs, 5);
  assert.deepEqual(o.pages, [{ name: 'list', path: '/demo/tin-tuc.html' }, { name: '/demo/csp.html', path: '/demo/csp.html' }]);
  assert.equal(o.base, 'http://127.0.0.1:8080');
  assert.throws(() => parseOptions(['--runs', '0']), /--runs/);
  assert.throws(() => parseOptions(['--runs', 'two']), /--runs/);
  assert.throws(() => parseOptions(['--pages', 'hom']), /Unknown page "hom"/);
  assert.throws(() => parseOptions(['--base', 'localhost:8080']), /--base/);
  assert.throws(() => parseOptions(['--bogus']), /bogus/);
});

test('the opportunities: failing or saving audits only, largest estimated saving first', () => {
  const r = lhr({
    score: 0.6,
    lcp: 4000,
    audits: {
      'uses-text-compression': { scoreDisplayMode: 'metricSavings', score: 0, title: 'Enable text compression', metricSavings: { LCP: 2400, FCP: 300 }, details: { overallSavingsMs: 2400, overallSavingsBytes: 470_000 } },
      'unused-javascript': { scoreDisplayMode: 'metricSavings', score: 0.5, title: 'Reduce unused JavaScript', metricSavings: { LCP: 150 }, details: { overallSavingsBytes: 25_000 } },
      'bootup-time': { scoreDisplayMode: 'informative', score: 1, title: 'JavaScript execution time', metricSavings: { TBT: 600 } },
      'dom-size': { scoreDisplayMode: 'informative', score: 1, title: 'DOM size', metricSavings: { TBT: 0 } },
      'layout-shift-culprits': { scoreDisplayMode: 'metricSavings', score: 0, title: 'Shifts', metricSavings: { CLS: 0.4 } },
      viewport: { scoreDisplayMode: 'metricSavings', score: 1, title: 'Viewport', metricSavings: { INP: 0 } },
      'unsized-images': { scoreDisplayMode: 'notApplicable', score: null, title: 'n/a' },
    },
  });
  assert.deepEqual(opportunities(r, 5).map((o) => o.id), ['uses-text-compression', 'bootup-time', 'unused-javascript', 'layout-shift-culprits']);
  assert.deepEqual(opportunities(r).map((o) => o.id), ['uses-text-compression', 'bootup-time', 'unused-javascript']);
});

test('the summary: medians of the runs, the median run speaks, failed audits named', () => {
  const runs = [lhr({ score: 0.55, lcp: 5000, cls: 1.2 }), lhr({ score: 0.78, lcp: 2000, cls: 0.4, errors: ['layout-shifts'] }), lhr({ score: 0.62, lcp: 3000, cls: 0.5, errors: ['layout-shifts'] })];
  const s = summarize('home', runs);
  assert.equal(s.score, 62);
  assert.deepEqual(s.scoreSpread, [55, 78]);
  assert.equal(s.LCP, 3000);
  assert.equal(s.CLS, 0.5);
  assert.equal(s.bytes, 500 * 1024);
  assert.deepEqual(s.failed.map((f) => f.id), ['layout-shifts']);
  assert.equal(summarize('two', runs.slice(0, 2)).LCP, 3500, 'an even count takes the mean of the middle two');

  const text = formatReport([s], { home: [{ cls: 0.47, shifts: [{ value: 0.4, time: 3000, sources: ['div.layout', 'aside'] }], lcp: 1400, lcpElement: 'h1', renderBlocking: ['/demo/demo.css'] }] });
  const [header, row] = text.split('\n');
  assert.match(header, /page\s+score\s+FCP\s+LCP\s+TBT\s+CLS\s+SI\s+transferred/);
  assert.match(row, /home\s+62 \(55–78\)\s+1\.00 s\s+3\.00 s\s+100 ms\s+0\.500\s+1\.20 s\s+500 KiB/);
  assert.match(text, /could not run with this Chromium: layout-shifts \(Cannot read frame_sequence\)/);
  assert.match(text, /CLS median 0\.470.*LCP element h1/);
  assert.match(text, /shift 0\.400 at 3000 ms: div\.layout, aside/);
  assert.throws(() => summarize('none', []), /No Lighthouse result/);
});
