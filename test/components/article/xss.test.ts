/**
 * A hostile feed cannot run script in the page: every vector of the generated
 * corpus is put into content_html, title, summary, url, image, author, tag,
 * source and attachment of an item, and rendered by <portal-article> and
 * <portal-news-list>. Any execution is caught by trapped dialogs, script errors
 * and a beacon URL on the test server; the rendered DOM (shadow roots included)
 * must hold no javascript:/data:/vbscript: URL, no on* attribute and no
 * dangerous element. A control run inserts the same vectors unsanitized into
 * sandboxed frames, to show that the corpus does execute when nothing stops it.
 */
import { expect } from '@open-wc/testing';
import '../../../src/components/article/article.js';
import type { PortalArticle } from '../../../src/components/article/article.component.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import { parseNews } from '../../../src/core/formats/news.js';
import type { NewsItem } from '../../../src/core/model.js';
import { uniqueKey, until } from '../../helpers.js';
import { xssCorpus, type Vector } from './xss-corpus.js';

const URL_ATTRS = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'srcset', 'background', 'cite', 'srcdoc', 'content'];
const DANGEROUS_IN_BODY = 'script, style, iframe, object, embed, svg, math, form, input, button, select, textarea, template, noscript, xmp, base, meta, link, frame, frameset';

/** What a browser reads as a URL's scheme: leading C0 controls and spaces dropped, tabs and newlines removed. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const scheme = (value: string) => value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '').toLowerCase();
const dangerousUrl = (value: string) => /^(javascript|data|vbscript):/.test(scheme(value));

/** Every element of the document and of every shadow root inside it. */
function* allElements(root: Document | ShadowRoot | Element): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* allElements(el.shadowRoot);
  }
}

const beaconHits = async (key: string): Promise<{ count: number; ids: string[] }> => (await fetch(`/test-api/beacon-hits?key=${key}`)).json();

function feedOf(vectors: Vector[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'XSS corpus',
    items: vectors.map((v) => ({
      id: `v${v.id}`,
      title: v.html,
      summary: v.html,
      content_html: v.html,
      url: v.html,
      image: v.html,
      date_published: '2024-04-19T08:00:00+07:00',
      authors: [{ name: v.html, url: v.html }],
      tags: [v.html],
      attachments: [{ url: v.html, mime_type: 'application/pdf', title: v.html }],
      _portal: { source: { name: v.html, url: v.html }, image_alt: v.html },
    })),
  };
}

describe('hostile feed HTML', function () {
  this.timeout(240000);

  it('runs none of the XSS corpus through <portal-article> and <portal-news-list>', async () => {
    const key = uniqueKey('xss');
    const beacon = `${location.origin}/test-api/beacon?key=${key}`;
    const corpus = xssCorpus((id) => `fetch(\`${beacon}&v=${id}\`,{mode:\`no-cors\`});alert(${id})`);
    const byClass = corpus.reduce<Record<string, number>>((n, v) => ((n[v.cls] = (n[v.cls] ?? 0) + 1), n), {});
    expect(corpus.length).to.be.at.least(300);

    // Traps: dialogs and print, script errors, unhandled rejections.
    const executed: string[] = [];
    const trap = (name: string) => (...args: unknown[]) => void executed.push(`${name}(${args.join(',')})`);
    const saved = { alert, confirm, prompt, print };
    Object.assign(window, { alert: trap('alert'), confirm: trap('confirm'), prompt: trap('prompt'), print: trap('print') });
    const onError = (e: ErrorEvent) => executed.push(`error: ${e.message}`);
    const onRejection = (e: PromiseRejectionEvent) => executed.push(`rejection: ${String(e.reason)}`);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);

    const stage = document.createElement('div');
    // Shrunk so that everything is near the viewport: lazy images load (and would fire onerror).
    stage.style.zoom = '0.01';
    document.body.append(stage);
    const found = { urls: [] as string[], handlers: [] as string[], elements: [] as string[] };
    let rendered = 0;
    try {
      // Relative URLs (every vector that is not a URL) resolve to an empty 204 answer.
      const feed = await parseNews(JSON.stringify(feedOf(corpus)), `${location.origin}/test-api/void/feed.json`);
      expect(feed.items).to.have.length(corpus.length);
      const items: NewsItem[] = feed.items;

      // Every vector in list form: titles, links, images, summaries, dates.
      const list = document.createElement('portal-news-list') as PortalNewsList;
      Object.assign(list, { items, limit: items.length, showSummary: true, showImage: true, showDate: true });
      stage.append(list);

      // Every vector as an article, in batches, each with its "Các tin khác".
      const BATCH = 60;
      for (let start = 0; start < items.length; start += BATCH) {
        const batch = items.slice(start, start + BATCH).map((item) => {
          const el = document.createElement('portal-article') as PortalArticle;
          Object.assign(el, { items, itemId: item.id, relatedLimit: 2 });
          stage.prepend(el); // above the long list, near the viewport
          return el;
        });
        await until(() => batch.every((el) => !!el.shadowRoot?.querySelector('article [part="body"]')), 20000, 'a batch of articles');
        await new Promise((r) => setTimeout(r, 600)); // image errors, focus, animations fire
        scan(stage, found);
        rendered += batch.length;
        if (start + BATCH < items.length) batch.forEach((el) => el.remove());
      }
      // Let any late handler or request land, then read the beacon.
      await new Promise((r) => setTimeout(r, 800));
      scan(stage, found);
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
      Object.assign(window, saved);
      stage.remove();
    }
    const hits = await beaconHits(key);

    console.log(
      `XSS corpus: ${corpus.length} vectors (${Object.entries(byClass).map(([c, n]) => `${c} ${n}`).join(', ')}), ` +
        `each in 13 fields; ${rendered} articles + 1 list rendered. ` +
        `Executions: ${executed.length} trapped, ${hits.count} beacon hits. ` +
        `javascript:/data:/vbscript: URLs in the DOM: ${found.urls.length}; on* attributes: ${found.handlers.length}; ` +
        `dangerous elements in bodies: ${found.elements.length}.`,
    );
    expect(executed, 'trapped executions').to.deep.equal([]);
    expect(hits.ids, 'beacon hits').to.deep.equal([]);
    expect(found.urls, 'script URLs').to.deep.equal([]);
    expect(found.handlers, 'event-handler attributes').to.deep.equal([]);
    expect(found.elements, 'dangerous elements').to.deep.equal([]);
  });

  it('control: the same vectors inserted unsanitized do execute', async function () {
    // Sandboxed frames (scripts allowed, no dialogs, no top navigation): a live payload
    // can only call the beacon. Shows the corpus has teeth.
    const key = uniqueKey('xss-control');
    const beacon = `${location.origin}/test-api/beacon?key=${key}`;
    const corpus = xssCorpus((id) => `fetch(\`${beacon}&v=${id}\`,{mode:\`no-cors\`});alert(${id})`);
    const stage = document.createElement('div');
    document.body.append(stage);
    try {
      const BATCH = 100;
      for (let start = 0; start < corpus.length; start += BATCH) {
        const frames = corpus.slice(start, start + BATCH).map((v) => {
          const frame = document.createElement('iframe');
          frame.setAttribute('sandbox', 'allow-scripts');
          frame.srcdoc = `<!doctype html><base href="${location.origin}/test-api/void/"><body>${v.html}</body>`;
          stage.append(frame);
          return new Promise((r) => frame.addEventListener('load', r, { once: true }));
        });
        await Promise.race([Promise.all(frames), new Promise((r) => setTimeout(r, 5000))]);
        await new Promise((r) => setTimeout(r, 300));
        stage.replaceChildren();
      }
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      stage.remove();
    }
    const hits = await beaconHits(key);
    const byClass: Record<string, number> = {};
    for (const id of hits.ids) {
      const cls = corpus[Number(id) - 1]?.cls ?? '?';
      byClass[cls] = (byClass[cls] ?? 0) + 1;
    }
    console.log(
      `XSS control (unsanitized, sandboxed frames, no user interaction): ${hits.count} of ${corpus.length} vectors executed ` +
        `(${Object.entries(byClass).map(([c, n]) => `${c} ${n}`).join(', ')}).`,
    );
    expect(hits.count).to.be.above(100);
  });
});

/** Records every script URL, on* attribute and dangerous body element under `root`. */
function scan(root: Element, found: { urls: string[]; handlers: string[]; elements: string[] }): void {
  for (const el of allElements(root)) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.handlers.push(`<${el.localName} ${name}>`);
      if (URL_ATTRS.includes(name) && dangerousUrl(attr.value)) found.urls.push(`<${el.localName} ${name}="${attr.value.slice(0, 60)}">`);
    }
    if (el.matches('[part="body"]'))
      for (const bad of el.querySelectorAll(DANGEROUS_IN_BODY)) found.elements.push(bad.localName);
  }
}
