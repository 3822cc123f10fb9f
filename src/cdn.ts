/// <reference types="vite/client" />
/**
 * The CDN entry (`dist/cdn/portal-widgets.js`): defines each widget when its tag
 * first appears on the page, as Shoelace's autoloader does, so a page that uses
 * one widget downloads that widget and what it shares, not the whole library.
 * `import 'portal-widgets'` in a bundler (src/index.ts) stays eager.
 *
 * The widgets are found by folder (`components/<name>/<name>.ts` defines
 * `<portal-name>`), so a new widget needs no line here.
 */
const definers = import.meta.glob(['./components/*/*.ts', '!./components/*/*.component.ts', '!./components/*/*.styles.ts']);

const byTag = new Map(Object.entries(definers).map(([file, load]) => [`portal-${file.split('/')[2]}`, load]));

function load(tag: string): void {
  const define = byTag.get(tag);
  if (!define) return;
  byTag.delete(tag); // one import per tag, however many elements
  define().catch((e: unknown) => {
    byTag.set(tag, define); // a failed download (offline) is tried again when the tag appears again
    console.error(`[portal-widgets] <${tag}> could not be loaded:`, e);
  });
}

/** Loads every widget that `root` holds and that is not defined yet. */
function discover(root: Element | Document): void {
  if (root instanceof Element && byTag.has(root.localName)) load(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) load(el.localName);
}

discover(document);
new MutationObserver((records) => {
  if (!byTag.size) return;
  for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) discover(node);
}).observe(document.documentElement, { subtree: true, childList: true });
