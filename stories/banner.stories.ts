/** <portal-banner>: moving, static and paused, from a document or the page's own children, each state, both languages, themes. */
import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import { feed, pendingFeed, story, themed, widgetMeta } from './support/story-kit.js';

export default {
  title: 'Widgets/portal-banner',
  component: 'portal-banner',
  tags: ['autodocs'],
  ...widgetMeta({ src: feed('banner.json') }),
} satisfies Meta;

const welcome = html`<span>NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI MẶT TRẬN TỔ QUỐC VIỆT NAM CÁC CẤP TỈNH THỪA THIÊN HUẾ NHIỆM KỲ 2024 - 2029 !</span>`;

/** The reader's stored "stop scrolling" choice, as the banner finds it when it is created (then put back). */
const PAUSED_KEY = 'portal-widgets:banner-paused';
const storedPause: NonNullable<ReturnType<typeof story>['decorators']> = [
  (storyFn) => {
    const before = localStorage.getItem(PAUSED_KEY);
    localStorage.setItem(PAUSED_KEY, '1');
    try {
      return storyFn();
    } finally {
      if (before === null) localStorage.removeItem(PAUSED_KEY);
      else localStorage.setItem(PAUSED_KEY, before);
    }
  },
];

export const Default = story();
export const Static = story({ static: true });
export const Paused = story({}, { decorators: storedPause });
export const Slow = story({ speed: 20 });
export const FromChildren = story(
  { src: '' },
  { children: html`${welcome}<a href="https://example.gov.vn/tin-tuc/giai-phong.html">Chào mừng kỷ niệm 49 năm Ngày giải phóng Thừa Thiên Huế</a>` },
);
export const FromChildrenStatic = story({ src: '', static: true }, { children: welcome });
export const Loading = story({ src: pendingFeed(), timeout: 86_400_000 }, { children: welcome });
/** No message in its period: the banner takes no room on the page (the `renders-nothing` tag tells the Storybook test). */
export const Empty = { ...story({ src: feed('banner-empty.json') }), tags: ['renders-nothing'] };
export const Error = story({ src: feed('banner-v2.json') }, { children: welcome });
export const LongVietnameseText = story({ src: feed('banner-long.json') });
export const LongVietnameseTextStatic = story({ src: feed('banner-long.json'), static: true });
export const ManyItems = story({ src: feed('banner-many.json') });
export const ManyItemsStatic = story({ src: feed('banner-many.json'), static: true });
export const English = story({ lang: 'en' });
export const EnglishPaused = story({ lang: 'en' }, { decorators: storedPause });
export const Themed = themed(story());
export const ThemedStatic = themed(story({ static: true }));
export const Dark = story({}, { globals: { theme: 'dark' } });
export const ReducedMotion = story({}, { globals: { motion: 'reduce' } });
