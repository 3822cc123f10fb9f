/** <portal-video-list>: a file or a YouTube video behind the facade, the list, each state, both languages, themes. */
import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import { feed, pendingFeed, story, themed, widgetMeta } from './support/story-kit.js';

// The facade requests nothing from a video site: the stories show it, none of them clicks play.
export default {
  title: 'Widgets/portal-video-list',
  component: 'portal-video-list',
  tags: ['autodocs'],
  ...widgetMeta({ src: feed('videos.json') }),
} satisfies Meta;

const fallback = html`<a href="https://example.gov.vn/video.html">Xem video</a>`;

export const Default = story();
export const YouTubeFacade = story({ src: feed('videos-youtube.json') });
export const OneMoreVideo = story({ limit: 1 });
export const HeadingLevel2 = story({ 'heading-level': 2 });
export const PlainHeading = story({ 'heading-level': 0 });
export const Loading = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback });
export const Empty = story({ src: feed('empty.json') });
export const FeedWithoutVideos = story({ src: feed('news.json') });
export const Error = story({ src: feed('not-a-feed.json') }, { children: fallback });
export const LongVietnameseText = story({ src: feed('videos-long.json') });
export const ManyItems = story({ src: feed('videos-many.json'), limit: 12 });
export const English = story({ lang: 'en' });
export const EnglishYouTube = story({ lang: 'en', src: feed('videos-youtube.json') });
export const Themed = themed(story());
export const Dark = story({}, { globals: { theme: 'dark' } });
export const ReducedMotion = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback, globals: { motion: 'reduce' } });
