/**
 * The sources a hub merged into a feed (its feed-level `_portal.sources`:
 * per source, when the hub last read it and the max age of that copy), and
 * the note a list shows for each source that is stale. Loaded only for a feed
 * that has them: a page without a hub never downloads this.
 */
import { formatTime } from './clock.js';
import { formatDate } from './dates.js';
import { isObject } from './formats/fields.js';
import { localize, type Lang } from './i18n/index.js';
import { feedSourcesMessages } from './i18n/feed-sources.js';
import type { Feed, FeedSource } from './model.js';

/** The hub's sources of `feed`; an entry without a name is left out. */
export function feedSources(feed: Feed): FeedSource[] {
  const list = feed.portal?.sources;
  if (!Array.isArray(list)) return [];
  return list.filter((s) => isObject(s) && typeof s.name === 'string' && s.name).map((s: Record<string, unknown>) => {
    const lastSuccess = typeof s.last_success === 'string' ? new Date(s.last_success) : undefined;
    return {
      name: s.name as string,
      lastSuccess: lastSuccess && !Number.isNaN(lastSuccess.getTime()) ? lastSuccess : undefined,
      lastError: typeof s.last_error === 'string' ? s.last_error : undefined,
      maxAge: typeof s.max_age === 'number' ? s.max_age : undefined,
    };
  });
}

/** "Sở X: tin cập nhật lúc 08:30 19/04/2024" for each source not refreshed within its max age. */
export function staleNotes(sources: FeedSource[], lang: Lang, timeZone: string, now = Date.now()): string[] {
  const m = localize(feedSourcesMessages, lang);
  return sources
    .filter((s) => s.lastSuccess && s.maxAge !== undefined && now - s.lastSuccess.getTime() > s.maxAge * 1000)
    .map((s) => m.stale(s.name, `${formatTime(s.lastSuccess!, lang, timeZone)} ${formatDate(s.lastSuccess!, lang, timeZone)}`));
}
