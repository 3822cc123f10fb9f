/** News, articles, videos: JSON Feed, RSS, Atom, or a CMS's JSON read through `map`. */
import { parseNews, prepareJsonReader } from '../formats/news.js';
import type { Feed } from '../model.js';
import type { DocumentKind } from './kind.js';

/**
 * The news kind's setting, what changes a parse: the widget's `time-zone` (dates
 * written without an offset are wall time there) and its `map`. A zone name holds
 * no space, so the first space parts them.
 */
export const newsSetting = (map = '', timeZone = '') => `${timeZone} ${map}`;

export const newsDocument: DocumentKind<Feed> = {
  meta: 'portal-widgets:src',
  key: (setting) => `news ${setting}`,
  // The map is checked with the readers, on demand (formats/field-map.ts).
  parse: (text, url, setting) => {
    const space = setting.indexOf(' ');
    return parseNews(text, url, setting.slice(space + 1) || undefined, { timeZone: setting.slice(0, Math.max(space, 0)) || undefined });
  },
  prepare: prepareJsonReader,
};

/** A page may name a feed of its videos apart from its news. */
export const VIDEOS_META = 'portal-widgets:videos';
