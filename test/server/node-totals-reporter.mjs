/**
 * A reporter for node's test runner that writes the totals to a JSON file
 * (given as --test-reporter-destination), so .ci/run can add them to the
 * browser tests' totals. Failed tests are listed by file and name so the end
 * of a CI log says which test failed.
 */
import { relative } from 'node:path';

export default async function* nodeTotals(source) {
  const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    const type = event.data?.details?.type;
    if (type === 'suite') continue; // count tests, not describe() blocks
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) totals.skipped++;
      else totals.passed++;
    } else if (event.type === 'test:fail') {
      totals.failed++;
      const file = event.data.file ? relative(process.cwd(), event.data.file) : 'node';
      const error = event.data.details?.error;
      const message = String(error?.cause?.message ?? error?.message ?? 'failed').split('\n')[0];
      totals.failures.push(`${file} › ${event.data.name}: ${message}`);
    }
  }
  yield JSON.stringify(totals);
}
