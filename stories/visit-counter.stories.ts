/** <portal-visit-counter>: the figures, today, each state, both languages, themes. Static fixtures only: no story records a visit. */
import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import { feed, pendingFeed, story, themed, widgetMeta } from './support/story-kit.js';

export default {
  title: 'Widgets/portal-visit-counter',
  component: 'portal-visit-counter',
  tags: ['autodocs'],
  ...widgetMeta({ src: feed('visits.json') }),
} satisfies Meta;

const fallback = html`<p>Thống kê truy cập</p>`;

export const Default = story();
export const WithToday = story({ 'show-today': true });
export const SmallNumbers = story({ src: feed('visits-small.json'), 'show-today': true });
export const Loading = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: fallback });
/** The endpoint answers something that is not a count: a clear error, never "NaN". */
export const Error = story({ src: feed('visits-broken.json') }, { children: fallback });
/** A count given as a property, then an endpoint that fails: the count stays, marked as not current. */
export const NotCurrent = story({
  src: feed('visits-broken.json'),
  count: { total: 2595954, online: 133, updated: new Date('2024-04-19T10:15:00+07:00') },
});
export const English = story({ lang: 'en', 'show-today': true });
export const Themed = themed(story({ 'show-today': true }));
export const Dark = story({ 'show-today': true }, { globals: { theme: 'dark' } });
