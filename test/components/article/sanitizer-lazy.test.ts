/**
 * The sanitizer (DOMPurify) is a chunk of its own, loaded only for an item with
 * content_html. This file runs in a page of its own, so nothing else has loaded it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/article/article.js';
import type { PortalArticle } from '../../../src/components/article/article.component.js';
import { docUrl, resetFeeds, uniqueKey, until } from '../../helpers.js';

/** Module URLs of the sanitizer and DOMPurify this page has requested. */
const sanitizerRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => /\/src\/core\/sanitizer\.|\/dompurify\/|purify/.test(url));

describe('the sanitizer chunk', () => {
  before(resetFeeds);

  it('is never requested for a text-only article (and its related list), then loads for one with HTML', async () => {
    const src = docUrl('article.json', { key: uniqueKey() });
    const text = await fixture<PortalArticle>(html`<portal-article src=${src} item-id="tin-201"></portal-article>`);
    await until(() => !!text.shadowRoot!.querySelector('article [part="body"] p'), 8000, 'the text-only article');
    await until(() => !!text.shadowRoot!.querySelector('portal-news-list')?.shadowRoot?.querySelector('li'), 8000, 'Các tin khác');
    await new Promise((r) => setTimeout(r, 300)); // time for any stray import() to start
    const resources = performance.getEntriesByType('resource').map((e) => e.name);
    expect(resources.some((u) => u.includes('/src/components/article/article.component.'))).to.equal(true); // the probe sees modules
    expect(sanitizerRequests()).to.deep.equal([]);

    const rich = await fixture<PortalArticle>(html`<portal-article src=${src} item-id="tin-200"></portal-article>`);
    await until(() => !!rich.shadowRoot!.querySelector('article [part="body"] strong'), 8000, 'the HTML article');
    const loaded = sanitizerRequests();
    expect(loaded.some((u) => u.includes('/src/core/sanitizer.'))).to.equal(true);
    expect(loaded.some((u) => /dompurify|purify/.test(u))).to.equal(true);
    console.log(`sanitizer chunk requests: text-only article 0; HTML article ${loaded.length} (${loaded.map((u) => new URL(u).pathname).join(', ')})`);
  });
});
