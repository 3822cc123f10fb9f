/**
 * The CDN loader (`dist/cdn/portal-widgets.js`): defines each widget when its tag
 * first appears on the page, as Shoelace's autoloader does, so a page that uses
 * one widget downloads that widget and what it shares, not the whole library.
 * `import 'portal-widgets'` in a bundler (src/index.ts) stays eager, and so does
 * `dist/cdn/portal-widgets-all.js`, src/index.ts built for the CDN in one file.
 *
 * Like Shoelace's, it watches the document, not shadow roots: a widget that
 * renders another (the article's related list) imports it itself, and a page
 * that puts widgets in its own shadow root calls `discover(root)`. Watching
 * every shadow root would mean patching attachShadow for no widget of ours.
 *
 * The widgets come from the one list of them (build/entries.js: `<name>` is
 * `components/<name>/<name>.ts`, which defines `<portal-name>`), made into a
 * module by the build with each tag written as it is (a folder glob and its
 * parsing here cost every page 0.12 KB gz), so a new widget needs no line here.
 * Every chunk is imported relative to this file (import.meta.url), never from a
 * URL the page gives.
 */
import definers from 'virtual:portal-widgets/definers';
import { startEarly } from './core/early-fetch.js';

/** `<portal-x>` → its definer, until it is imported. */
const byTag = new Map(Object.entries(definers));

function load(el: Element): void {
  const tag = el.localName;
  if (!Object.hasOwn(definers, tag) || customElements.get(tag)) return; // not ours, or defined (its store fetches at once)
  // Its document's request starts now, not once its chunks have run (~60 ms at 4x CPU): the store takes it.
  // Not the counter's src, an endpoint it POSTs to. A src that is no URL is the widget's to tell.
  const src = el.getAttribute('src');
  try {
    const url = src == null || tag === 'portal-visit-counter' ? undefined : new URL(src, document.baseURI);
    if (url?.protocol === 'https:' || url?.protocol === 'http:') startEarly(url.href);
  } catch {
    // not a URL: the widget tells its error when it loads
  }
  const define = byTag.get(tag);
  if (!define) return; // loading
  byTag.delete(tag); // one import per tag, however many elements
  define().catch((e: unknown) => {
    byTag.set(tag, define); // a failed download (offline) is tried again when the tag appears again (Chromium refetches; Firefox keeps the failure until reload)
    console.error(`[portal-widgets] <${tag}> could not be loaded:`, e);
  });
}

/** Loads every widget that `root` (an element, the document, a shadow root) holds and that is not defined yet. */
export function discover(root: Element | Document | DocumentFragment): void {
  if (root instanceof Element) load(root);
  for (const el of root.querySelectorAll(':not(:defined)')) load(el);
}

// One copy watches the page. A second one runs when the page loads this file by another URL (`?v=2`):
// the chunks import it by its plain name for the early fetch's request options.
const WATCHING = 'portal-widgets-loader';
if (!(globalThis as Record<string, unknown>)[WATCHING]) {
  (globalThis as Record<string, unknown>)[WATCHING] = 1;
  discover(document);
  new MutationObserver((records) => {
    if (!byTag.size) return;
    for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) discover(node);
  }).observe(document.documentElement, { subtree: true, childList: true });
}
