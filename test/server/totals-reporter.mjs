/**
 * A web-test-runner reporter that writes the run's totals to
 * .test-results/browser.json, so .ci/run can print one `N passed, N failed`
 * line for the browser and the Node tests together. Failed tests are listed by
 * name (file › suite › test: first error line) so the end of a CI log says
 * which test failed without the whole log.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function count(suite, totals, where, file) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else {
      totals.failed++;
      totals.failures.push(`${file} › ${[...where, t.name].join(' › ')}: ${String(t.error?.message ?? 'failed').split('\n')[0]}`);
    }
  }
  for (const s of suite?.suites ?? []) count(s, totals, [...where, s.name], file);
}

export function totalsReporter({ file } = {}) {
  file ??= '.test-results/browser.json';
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: 0, failures: [] };
      for (const s of sessions) {
        totals.files++;
        const name = `${relative(process.cwd(), s.testFile)} (${s.browser?.name ?? 'browser'})`;
        count(s.testResults, totals, [], name);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) {
          totals.failed++;
          totals.failures.push(`${name}: ${String(s.errors?.[0]?.message ?? 'did not run').split('\n')[0]}`);
        } else if (s.errors?.length) {
          totals.failed += s.errors.length;
          for (const e of s.errors) totals.failures.push(`${name}: ${String(e.message).split('\n')[0]}`);
        }
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
