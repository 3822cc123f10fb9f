/** <portal-link-directory>: drop-downs and lists, the filter above 20 links, each state, both languages, themes. */
import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import { feed, pendingFeed, story, themed, widgetMeta } from './support/story-kit.js';

export default {
  title: 'Widgets/portal-link-directory',
  component: 'portal-link-directory',
  tags: ['autodocs'],
  ...widgetMeta({ src: feed('links.json') }),
} satisfies Meta;

const fallback = html`<a href="https://example.gov.vn/lien-ket.html">Liên kết website</a>`;

export const Default = story();
export const List = story({ mode: 'list' });
export const ListSameTab = story({ mode: 'list', target: '_self' });
export const ListHeadingLevel2 = story({ mode: 'list', 'heading-level': 2 });
export const ListPlainGroupTitles = story({ mode: 'list', 'heading-level': 0 });
export const FilterAbove20Links = story({ src: feed('links-many.json') });
export const FilterAbove20LinksList = story({ src: feed('links-many.json'), mode: 'list' });
export const Loading = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback });
export const Empty = story({ src: feed('links-empty.json') });
export const Error = story({ src: feed('links-v2.json') }, { children: fallback });
export const LongVietnameseText = story({ src: feed('links-long.json') });
export const LongVietnameseTextList = story({ src: feed('links-long.json'), mode: 'list' });
export const ManyItems = story({ src: feed('links-many.json'), mode: 'list', 'heading-level': 2 });
export const English = story({ lang: 'en' });
export const EnglishList = story({ lang: 'en', mode: 'list', src: feed('links-many.json') });
export const Themed = themed(story({ mode: 'list' }));
export const ThemedSelect = themed(story());
export const Dark = story({}, { globals: { theme: 'dark' } });
export const DarkList = story({ mode: 'list' }, { globals: { theme: 'dark' } });
