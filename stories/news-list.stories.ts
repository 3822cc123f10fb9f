/** <portal-news-list>: every layout and mode, each state, both languages, themes. */
import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import { feed, pendingFeed, story, themed, widgetMeta } from './support/story-kit.js';

export default {
  title: 'Widgets/portal-news-list',
  component: 'portal-news-list',
  tags: ['autodocs'],
  ...widgetMeta({ src: feed('news.json'), limit: 5 }),
} satisfies Meta;

const fallback = html`<a href="https://example.gov.vn/tin-tuc.html">Xem tin tức</a>`;

export const Default = story();
export const WithDatesAndSummaries = story({ 'show-date': true, 'show-summary': true });
export const ListWithImages = story({ 'show-date': true, 'show-summary': true, 'show-image': true });
export const Cards = story({ layout: 'cards', 'show-summary': true, limit: 6 });
export const Titles = story({ layout: 'titles', limit: 8 });
export const Headings = story({ 'heading-level': 3, 'show-date': true });
export const ByTag = story({ tag: 'Đô thị', 'show-date': true });
export const ItemLinkTemplate = story({ 'item-href': '/bai-viet.html?id={id}' });
export const Loading = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback });
export const Empty = story({ src: feed('empty.json') });
export const Error = story({ src: feed('not-a-feed.json') }, { children: fallback });
export const LongVietnameseText = story({ src: feed('long-text.json'), 'show-date': true, 'show-summary': true, 'show-image': true });
export const ManyItems = story({ src: feed('many.json'), limit: 50, 'show-date': true });
export const English = story({ lang: 'en', 'show-date': true, 'show-summary': true });
export const Themed = themed(story({ layout: 'cards', 'show-summary': true, limit: 6 }));
export const Dark = story({ 'show-date': true, 'show-summary': true, 'show-image': true }, { globals: { theme: 'dark' } });
export const ReducedMotion = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback, globals: { motion: 'reduce' } });
