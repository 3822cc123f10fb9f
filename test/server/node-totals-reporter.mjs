/**
 * A reporter for node's test runner that writes the totals to a JSON file
 * (given as --test-reporter-destination), so .ci/run can add them to the
 * browser tests' totals.
 */
export default async function* nodeTotals(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    const type = event.data?.details?.type;
    if (type === 'suite') continue; // count tests, not describe() blocks
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) totals.skipped++;
      else totals.passed++;
    } else if (event.type === 'test:fail') totals.failed++;
  }
  yield JSON.stringify(totals);
}
