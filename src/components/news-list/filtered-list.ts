/**
 * What ./filtered.ts works on: the news list's public members it uses, and the
 * state the two share. The list implements it; filtered.ts takes it and never
 * imports the list (the list loads filtered.ts on demand). The shared state is
 * public in the class for this alone, marked `@internal`: not the widget's API,
 * and left out of the manifest.
 */
import type { PortalError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/index.js';
import type { NewsItem } from '../../core/model.js';
import type { NewsFilter } from '../../core/news-filter.js';
import type { PortalEventDetails } from '../../internal/events.js';
import type { NewsPages } from '../../internal/news-pages.js';

export interface FilteredList {
  readonly language: Lang;
  readonly syncUrl: boolean;
  readonly limit: number;
  readonly matchingItems: readonly NewsItem[];
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: ParentNode;
  filter(filter: NewsFilter): Promise<void>;
  emit(name: 'portal-filter', detail: PortalEventDetails['portal-filter']): boolean;

  // Internal: the list's state that filtered.ts reads and changes.
  /** The filter in force. */
  active: NewsFilter;
  /** How many items "Xem thêm" has shown so far (0: `limit`). */
  shown: number;
  /** The feed and its further pages. */
  readonly pages: NewsPages;
  moreLoading: boolean;
  moreError?: PortalError;
  /** The search module, loaded with the first query. */
  text?: typeof import('../../core/text.js');
  /** The feed the count was last announced for; null: announce at the next render. */
  announced?: unknown;
  /** Announces the count (or the filter's result line) of the items shown. */
  announce(): void;
  /** `items` that pass the filter in force. */
  matching(items: readonly NewsItem[]): NewsItem[];
}
