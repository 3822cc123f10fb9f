// The package's entries: `portal-widgets` (all) and one per widget, with their
// size budgets in KB (minified, gzip -9). Used by the build, the size check and
// the package tests, so a new widget is added here once.
//   withLit: the entry with Lit inlined; beyondLit: everything but Lit;
//   beyondShared: what the widget adds beyond Lit and the shared base
//   (src/core, src/internal, src/styles) that every widget loads anyway.
export const widgets = ['news-list', 'visit-counter'];

export const entries = Object.fromEntries([
  ['index', 'src/index.ts'],
  ...widgets.map((w) => [w, `src/components/${w}/${w}.ts`]),
]);

// src/core modules reached only through import(): not counted in the core budget,
// listed as lazy chunks of the entries that may load them.
export const lazyCore = ['formats/xml-feed.ts', 'formats/rss.ts', 'formats/atom.ts', 'formats/xml.ts', 'sanitizer.ts', 'text.ts', 'formats/html-text.ts'];

// src/core modules that only one widget uses (its document format, its
// messages): counted in that widget's "beyond Lit" budget, not in the core one.
export const ownCore = ['formats/counter.ts', 'visits.ts', 'i18n/visit-counter.ts'];

export const budgets = {
  'news-list': { withLit: 14 },
  'visit-counter': { beyondShared: 3 },
  core: { beyondLit: 5 },
  cdn: { total: 40 },
};
