/**
 * Hostile servers (issues 11 and 17): the feed store reads a body as a stream and
 * stops at its byte cap, so a gzip bomb or an endless body costs the page little
 * memory and ends in a clear error; a redirect loop is one failure, not three
 * attempts of 20 redirects. Memory is the page's V8 heap from CDP (Chromium).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import { PortalError } from '../../src/core/errors.js';
import { load } from '../../src/core/feed-store.js';
import { docUrl, requestCount, resetFeeds, uniqueKey } from '../helpers.js';

const abs = (u: string) => new URL(u, location.href).href;
const MB = 1024 * 1024;

async function failure(p: Promise<unknown>): Promise<PortalError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(PortalError);
    return e as PortalError;
  }
  throw new Error('expected a PortalError');
}

const heap = (action: 'measure' | 'start' | 'stop') => executeServerCommand<number | false, { action: string }>('heap', { action });

/** The peak heap growth while `fn` runs (sampled by the test server), in MB, or undefined where the browser cannot tell. */
async function heapGrowth(fn: () => Promise<void>): Promise<number | undefined> {
  const before = await heap('measure');
  if (before === false) return void (await fn());
  await heap('start');
  let peak: number | false = false;
  try {
    await fn();
  } finally {
    peak = await heap('stop');
  }
  return peak === false ? undefined : (peak - before) / MB;
}

describe('feed-store against hostile servers', function () {
  this.timeout(60000);
  beforeEach(resetFeeds);

  // 128 MB: the peak is sampled before the collector has run on the inflated chunks the cap threw away (seen at
  // 66.9 MB in a CI run, usually ~40); without the cap the page would reach the bomb's 1 GB.
  it('a gzip bomb (1 MB → 1 GB) is refused at the byte cap, the page within 128 MB of where it started', async () => {
    let error!: PortalError;
    const growth = await heapGrowth(async () => {
      error = await failure(load(abs(docUrl('news.rss.xml', { key: uniqueKey('bomb'), fault: 'gzip-bomb' })), { timeout: 30000 }));
    });
    console.log(`gzip bomb: ${error.code} (${error.detail}); heap ${growth === undefined ? 'not measured' : `+${growth.toFixed(1)} MB`}`);
    expect(error.code).to.equal('too-large');
    expect(error.detail).to.equal('over 10240 KB');
    if (growth !== undefined) expect(growth).to.be.below(128);
  });

  it('an endless body stops at the byte cap, within 64 MB', async () => {
    let error!: PortalError;
    const growth = await heapGrowth(async () => {
      error = await failure(load(abs(docUrl('news.rss.xml', { key: uniqueKey('endless'), fault: 'endless', ms: 1 })), { timeout: 30000 }));
    });
    console.log(`endless body: ${error.code} (${error.detail}); heap ${growth === undefined ? 'not measured' : `+${growth.toFixed(1)} MB`}`);
    expect(error.code).to.equal('too-large');
    if (growth !== undefined) expect(growth).to.be.below(64);
  });

  it('a slow endless body ends with a time-out that says the body was still arriving', async () => {
    const error = await failure(load(abs(docUrl('news.rss.xml', { key: uniqueKey('trickle'), fault: 'endless', ms: 200 })), { timeout: 1000 }));
    expect(error.code).to.equal('timeout');
    expect(error.detail).to.equal('still receiving the body after 1 s');
  });

  it('a smaller cap for small documents (links, banner, counter)', async () => {
    const error = await failure(load(abs(docUrl('news.json', { key: uniqueKey('cap') })), { maxBytes: 1000 }));
    expect(error.code).to.equal('too-large');
    expect(error.detail).to.equal('over 1 KB');
  });

  it('a redirect loop is one failure, not three attempts', async () => {
    const key = uniqueKey('loop');
    const error = await failure(load(abs(docUrl('news.json', { key, fault: 'redirect-loop' }))));
    const { count } = await requestCount(key);
    console.log(`redirect loop: ${error.code}; ${count} requests`);
    expect(error.code).to.equal('redirects');
    // One attempt follows 20 redirects (21 requests, 20 in Firefox), plus one to tell a loop from the network failing.
    expect(count).to.be.within(20, 23);
  });
});
