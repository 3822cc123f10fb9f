// The package's entries: `portal-widgets` (all) and one per widget, with their
// size budgets in KB (minified, gzip -9). Used by the build, the size check and
// the package tests, so a new widget is added here once.
//   withLit: the entry with Lit inlined; beyondLit: everything but Lit;
//   beyondShared: what the widget adds beyond Lit and the shared base
//   (src/core, src/internal, src/styles) that every widget loads anyway.
export const widgets = [
  'news-list',
  'article',
  'news-archive',
  'news-search',
  'link-directory',
  'banner',
  'video-list',
  'visit-counter',
];

export const entries = Object.fromEntries([
  ['index', 'src/index.ts'],
  ...widgets.map((w) => [w, `src/components/${w}/${w}.ts`]),
  // `portal-widgets/core`: the readers for Node (the hub); no widget imports it.
  ['core/index', 'src/core/index.ts'],
]);

// src/core modules reached only through import(): not counted in the core budget,
// listed as lazy chunks of the entries that may load them.
export const lazyCore = [
  'index.ts', 'feed-sources.ts', 'i18n/feed-sources.ts',
  'formats/xml-feed.ts', 'formats/rss.ts', 'formats/atom.ts', 'formats/xml.ts', 'formats/xml-item.ts', 'formats/xml-repair.ts', 'formats/entities.ts',
  'formats/json-news.ts', 'formats/json-feed.ts', 'formats/fields.ts', 'formats/read-each.ts', 'formats/date-text.ts', 'formats/inert-html.ts', 'feed-store-redirects.ts',
  'sanitizer.ts', 'text.ts', 'formats/html-text.ts', 'feed-pages.ts',
  'limits/fields.ts', 'limits/html.ts', 'limits/json.ts', 'limits/xml.ts', 'limits.ts', 'limits/bounds.ts', 'formats/news-read.ts',
  'i18n/news-filter.ts',
];

// src/core modules that only one widget uses (its document format, its
// messages): counted in that widget's "beyond Lit" budget, not in the core one.
export const ownCore = [
  'documents/index.ts', // every kind, for readers of all (the CLI, the hub): no widget imports it
  'article.ts',
  'i18n/article.ts',
  'calendar.ts',
  'i18n/news-archive.ts',
  'i18n/news-search.ts',
  'formats/links.ts',
  'documents/links.ts',
  'formats/banner.ts',
  'documents/banner.ts',
  'banner-schedule.ts',
  'formats/portal-document.ts',
  'i18n/link-directory.ts',
  'i18n/banner.ts',
  'i18n/video-list.ts',
  'video.ts',
  'formats/counter.ts',
  'documents/counter.ts',
  'visits.ts',
  'i18n/visit-counter.ts',
];

export const budgets = {
  // 14.2 (was 14): the hub's per-item sources and stale note, the filter line and "Xem tất cả"
  // (their code loads on demand; what stays is the wiring). Issue 15 brings it back down.
  'news-list': { withLit: 14.2 },
  article: { beyondShared: 10 },
  'news-archive': { beyondShared: 6.5 },
  // 4.2 (was 4): the filter shown in the box, for-list sync and relevance ranking (issue 14).
  'news-search': { beyondShared: 4.2 },
  'link-directory': { beyondShared: 5 },
  banner: { beyondShared: 5 },
  'video-list': { beyondShared: 5 },
  'visit-counter': { beyondShared: 3 },
  // The bounds against hostile feeds and the readers load with the first feed (formats/news-read.ts).
  core: { beyondLit: 5 },
  // The CDN: the loader entry; a page with only <portal-news-list> in all (the loader, the widget's
  // chunks and the JSON Feed reader it preloads); every widget eagerly in portal-widgets-all.js.
  // Issue 15's goals are 2, 14 and 25: the last two are set to what holds (19.78, 32.90), where
  // the widgets' own code leaves them (branch size-15 cuts it); lower them as it lands.
  cdn: { loader: 2, newsListPage: 20, all: 33.2 },
};
