/** <portal-article>: HTML and text bodies, "Các tin khác" and its links, not found, each state, both languages, themes. */
import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import { feed, pendingFeed, story, themed, widgetMeta } from './support/story-kit.js';

// `item-id` is always set: without it the article reads `?id=`, which in Storybook's frame is the story's id.
export default {
  title: 'Widgets/portal-article',
  component: 'portal-article',
  tags: ['autodocs'],
  ...widgetMeta({ src: feed('article.json'), 'item-id': 'tin-200' }),
} satisfies Meta;

const fallback = html`<a href="https://example.gov.vn/bai-viet/tin-200.html">Đọc bài viết trên trang cũ</a>`;

export const Default = story();
export const TextBody = story({ 'item-id': 'tin-201' });
export const HeadingLevel2 = story({ 'heading-level': 2 });
export const RelatedLinkTemplate = story({ 'item-href': '/bai-viet.html?id={id}', 'related-limit': 3 });
export const WithoutRelated = story({ 'related-limit': 0 });
export const NotFound = story({ 'item-id': 'khong-co-bai-nay', 'list-href': '/tin-tuc.html' });
export const Loading = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback });
export const Empty = story({ src: feed('empty.json'), 'list-href': '/tin-tuc.html' });
export const Error = story({ src: feed('not-a-feed.json') }, { children: fallback });
export const LongVietnameseText = story({ src: feed('long-text.json'), 'item-id': 'tin-100' });
export const ManyItems = story({ src: feed('many.json'), 'item-id': 'nhieu-1', 'related-limit': 20 });
export const English = story({ lang: 'en' });
export const EnglishNotFound = story({ lang: 'en', 'item-id': 'khong-co-bai-nay', 'list-href': '/tin-tuc.html' });
export const Themed = themed(story());
export const Dark = story({}, { globals: { theme: 'dark' } });
export const ReducedMotion = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback, globals: { motion: 'reduce' } });
