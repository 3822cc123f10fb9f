/**
 * A web-test-runner reporter that writes the run's totals to
 * .test-results/browser.json, so .ci/run can print one `N passed, N failed`
 * line for the browser and the Node tests together.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else totals.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, totals);
}

export function totalsReporter({ file } = {}) {
  file ??= '.test-results/browser.json';
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: 0 };
      for (const s of sessions) {
        totals.files++;
        count(s.testResults, totals);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) totals.failed++;
        else if (s.errors?.length) totals.failed += s.errors.length;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
