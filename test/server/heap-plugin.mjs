/**
 * The test page's heap, for tests that bound a page's memory.
 * `executeServerCommand('heap', {action})` reads the test page's heap over CDP
 * (Chromium only; answers false elsewhere: null would read as an unknown command): `measure` collects garbage first and
 * answers the bytes in use (V8 plus Blink's DOM heap); `start` samples every
 * 25 ms until `stop`, which answers the highest sample (garbage included).
 */
const cdpSessions = new Map();
const samplers = new Map();

async function heapUsage(cdp) {
  const usage = await cdp.send('Runtime.getHeapUsage');
  // V8, Blink's DOM heap, and ArrayBuffer backing stores (a body being read), where Chromium reports them.
  return usage.usedSize + (usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0);
}

export const heapPlugin = {
  name: 'heap',
  async executeCommand({ command, payload, session }) {
    if (command !== 'heap') return undefined;
    let cdp = cdpSessions.get(session.id);
    if (!cdp) {
      try {
        const page = session.browser.getPage(session.id);
        if (!page.createCDPSession || page.browser().protocol === 'webDriverBiDi') return false;
        cdp = await page.createCDPSession();
        cdpSessions.set(session.id, cdp);
      } catch {
        return false;
      }
    }
    const action = payload?.action ?? 'measure';
    if (action === 'measure') {
      await cdp.send('HeapProfiler.collectGarbage');
      return heapUsage(cdp);
    }
    if (action === 'start') {
      const sampler = { peak: await heapUsage(cdp), busy: false };
      sampler.timer = setInterval(async () => {
        if (sampler.busy) return;
        sampler.busy = true;
        try {
          sampler.peak = Math.max(sampler.peak, await heapUsage(cdp));
        } catch {
          // the page went away
        } finally {
          sampler.busy = false;
        }
      }, 25);
      samplers.set(session.id, sampler);
      return sampler.peak;
    }
    if (action === 'stop') {
      const sampler = samplers.get(session.id);
      if (!sampler) return false;
      clearInterval(sampler.timer);
      samplers.delete(session.id);
      return sampler.peak;
    }
    return false;
  },
};
