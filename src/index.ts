/**
 * Registers every portal widget. Also the entry of the CDN bundle:
 * `<script type="module" src=".../portal-widgets.js"></script>`.
 */
export * from './components/news-list/news-list.js';
export * from './components/visit-counter/visit-counter.js';
export type * from './core/model.js';
export { PortalError } from './core/errors.js';
