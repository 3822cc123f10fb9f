/**
 * Every `portal-*` event a widget fires, with its `detail`: typed for
 * `addEventListener('portal-select', e => e.detail.item)` as Shoelace types its
 * `sl-*` events, and for the base's `emit`. Each bubbles and is composed.
 */
import type { PortalError } from '../core/errors.js';
import type { Link, NewsItem } from '../core/model.js';
import type { NewsFilter } from '../core/news-filter.js';

export interface PortalEventDetails {
  /** A document loaded: its parsed value (a feed, a directory, a banner, a count). */
  'portal-load': { value: unknown };
  /** Loading failed; the last good content, if any, stays shown. */
  'portal-error': { error: PortalError };
  /** A news item or a link is about to open: cancelable. */
  'portal-select': { item: NewsItem } | { link: Link; group: string };
  /** The archive's day (`yyyy-MM-dd`) or month (`yyyy-MM`) was chosen: cancelable. */
  'portal-date-select': { date: string; count: number };
  /** A search ran (`count` results here), or is about to go to `href`: then cancelable. */
  'portal-search': { query: string; count?: number; href?: string };
  /** The banner's pause button was toggled. */
  'portal-pause': { paused: boolean };
  /** A video started; other video lists stop theirs. */
  'portal-play': { item: NewsItem };
  /** A news list's "Xem tất cả" cleared its filter (now `filter`); a search or archive `for` it follows. */
  'portal-filter': { filter: NewsFilter };
}

export type PortalEventName = keyof PortalEventDetails;

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-load': CustomEvent<PortalEventDetails['portal-load']>;
    'portal-error': CustomEvent<PortalEventDetails['portal-error']>;
    'portal-select': CustomEvent<PortalEventDetails['portal-select']>;
    'portal-date-select': CustomEvent<PortalEventDetails['portal-date-select']>;
    'portal-search': CustomEvent<PortalEventDetails['portal-search']>;
    'portal-pause': CustomEvent<PortalEventDetails['portal-pause']>;
    'portal-play': CustomEvent<PortalEventDetails['portal-play']>;
    'portal-filter': CustomEvent<PortalEventDetails['portal-filter']>;
  }
}
