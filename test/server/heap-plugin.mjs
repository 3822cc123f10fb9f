/**
 * web-test-runner command `heap-usage`: the test page's V8 heap in bytes from
 * the Chrome DevTools Protocol (used + ArrayBuffer backing stores, where Chromium
 * reports them), after a garbage collection when the payload says `{gc: true}`.
 * Answers false in other browsers.
 */
export const heapPlugin = {
  name: 'heap-usage',
  async executeCommand({ command, payload, session }) {
    if (command !== 'heap-usage') return undefined;
    try {
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        if (payload?.gc) await cdp.send('HeapProfiler.collectGarbage');
        const usage = await cdp.send('Runtime.getHeapUsage');
        return usage.usedSize + (usage.backingStorageSize ?? 0);
      } finally {
        await cdp.detach();
      }
    } catch {
      return false; // not null: the runner would take it for "no plugin handles this"
    }
  },
};
