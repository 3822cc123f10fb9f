/**
 * The document kinds a widget reads, each defined once in its own module of
 * this folder (so a widget bundles only the parser of its kind): the page's
 * default `<meta name>`, the parse key and the parser. This index gathers them
 * for readers of every kind (the CLI, the hub).
 */
export type { DocumentKind } from './kind.js';
export { bannerDocument } from './banner.js';
export { counterDocument } from './counter.js';
export { linksDocument } from './links.js';
export { newsDocument, VIDEOS_META } from './news.js';
