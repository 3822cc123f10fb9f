/**
 * Registers every portal widget. Also the entry of the CDN bundle:
 * `<script type="module" src=".../portal-widgets.js"></script>`.
 */
export * from './components/news-list/news-list.js';
export * from './components/article/article.js';
export * from './components/link-directory/link-directory.js';
export * from './components/banner/banner.js';
export * from './components/video-list/video-list.js';
export * from './components/news-archive/news-archive.js';
export * from './components/news-search/news-search.js';
export * from './components/visit-counter/visit-counter.js';
export type * from './core/model.js';
export { PortalError } from './core/errors.js';
