/** <portal-news-archive>: calendar and month list, filtering a list on the page or going to the list page, each state, both languages, themes. */
import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import { feed, pendingFeed, story, themed, widgetMeta, withNewsList } from './support/story-kit.js';

export default {
  title: 'Widgets/portal-news-archive',
  component: 'portal-news-archive',
  tags: ['autodocs'],
  ...widgetMeta({ src: feed('news.json') }),
} satisfies Meta;

const fallback = html`<a href="https://example.gov.vn/tin-tuc.html">Xem tin tức</a>`;
const chooseDay = (day: string) => (archive: HTMLElement) => (archive as HTMLElement & { choose(d: string): Promise<void> }).choose(day);

export const Default = story();
export const SelectedDay = story({ value: '2024-04-15' });
export const Months = story({ mode: 'months' });
export const MonthsLinkingToListPage = story({ mode: 'months', 'list-href': '/tin-tuc.html?date={date}' });
export const FilteringAList = withNewsList(story(), 'archive-day-list', { src: feed('news.json'), 'show-date': true }, chooseDay('2024-04-15'));
export const MonthsFilteringAList = withNewsList(
  story({ mode: 'months', src: feed('many.json') }),
  'archive-month-list',
  { src: feed('many.json'), 'show-date': true, limit: 5 },
  chooseDay('2024-03'),
);
export const Loading = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback });
export const Empty = story({ src: feed('empty.json') });
export const EmptyMonths = story({ src: feed('empty.json'), mode: 'months' });
export const Error = story({ src: feed('not-a-feed.json') }, { children: fallback });
export const LongVietnameseText = story({ src: feed('long-text.json'), mode: 'months' });
export const ManyItems = story({ src: feed('many.json') });
export const ManyItemsMonths = story({ src: feed('many.json'), mode: 'months' });
export const English = story({ lang: 'en', value: '2024-04-15' });
export const EnglishMonths = story({ lang: 'en', mode: 'months', src: feed('many.json') });
export const Themed = themed(story({ value: '2024-04-15' }));
export const ThemedMonths = themed(story({ mode: 'months', src: feed('many.json') }));
export const Dark = story({ value: '2024-04-15' }, { globals: { theme: 'dark' } });
