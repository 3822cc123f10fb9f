/** The stale-source note of a list reading a hub's merged feed (core/feed-sources.ts). */
import type { Localized } from './index.js';

export const feedSourcesMessages: Localized<{ stale: (source: string, time: string) => string }> = {
  vi: { stale: (source, time) => `${source}: tin cập nhật lúc ${time}` },
  en: { stale: (source, time) => `${source}: news updated at ${time}` },
};
