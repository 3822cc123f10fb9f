/** News, articles, videos: JSON Feed, RSS, Atom, or a CMS's JSON read through `map`. */
import { parseFieldMap, parseNews, prepareJsonReader } from '../formats/news.js';
import type { Feed } from '../model.js';
import type { DocumentKind } from './kind.js';

export const newsDocument: DocumentKind<Feed> = {
  meta: 'portal-widgets:src',
  key: (map) => `news ${map}`,
  parse: (text, url, map) => parseNews(text, url, map ? parseFieldMap(map) : undefined),
  prepare: prepareJsonReader,
};

/** A page may name a feed of its videos apart from its news. */
export const VIDEOS_META = 'portal-widgets:videos';
