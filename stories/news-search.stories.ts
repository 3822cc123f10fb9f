/** <portal-news-search>: results under the box, a results page, filtering a list on the page, each state, both languages, themes. */
import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import { feed, pendingFeed, story, themed, widgetMeta, withNewsList } from './support/story-kit.js';

// Most stories have words in the box: the results, and the loading, empty and error states, show only then.
export default {
  title: 'Widgets/portal-news-search',
  component: 'portal-news-search',
  tags: ['autodocs'],
  ...widgetMeta({ src: feed('news.json') }),
} satisfies Meta;

const fallback = html`<a href="https://example.gov.vn/tim-kiem.html">Tìm kiếm trên trang cũ</a>`;
const searchFor = (query: string) => (search: HTMLElement) => (search as HTMLElement & { search(q: string): Promise<void> }).search(query);

export const Default = story();
export const Results = story({ value: 'hoi nghi' });
export const ResultsWithSummaries = story({ value: 'hội nghị', 'show-summary': true });
export const ResultsPage = story({ value: 'hoi nghi', action: '/tim-kiem.html', limit: 1, 'item-href': '/bai-viet.html?id={id}' });
export const NoMatch = story({ value: 'không có tin này' });
export const FilteringAList = withNewsList(story(), 'search-list', { src: feed('news.json'), 'show-date': true }, searchFor('hoi nghi'));
export const Loading = story({ src: pendingFeed(), timeout: 86_400_000, value: 'hoi nghi' }, { children: fallback });
export const Empty = story({ src: feed('empty.json'), value: 'hoi nghi' });
export const Error = story({ src: feed('not-a-feed.json'), value: 'hoi nghi' }, { children: fallback });
export const LongVietnameseText = story({ src: feed('long-text.json'), value: 'thua thien hue', 'show-summary': true });
export const ManyItems = story({ src: feed('many.json'), value: 'hoi nghi', limit: 50 });
export const English = story({ lang: 'en', value: 'hoi nghi' });
export const EnglishNoMatch = story({ lang: 'en', value: 'không có tin này' });
export const Themed = themed(story({ value: 'hoi nghi', 'show-summary': true }));
export const Dark = story({ value: 'hoi nghi', 'show-summary': true }, { globals: { theme: 'dark' } });
