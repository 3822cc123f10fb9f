/**
 * The box each widget reserves until its data is shown, so nothing on the page
 * moves when a tag is defined or its data arrives (zero layout shift). One
 * source for two places: each widget's skeleton (its `.skeleton`
 * min-block-size, overridable with `--portal-skeleton-height`) and, before the
 * tag is defined, {@link widgetsCss}: the `:not(:defined)` rules that
 * `npm run build` writes to dist/portal-widgets.css for pages to link.
 *
 * The figures are the rendered widget's height with the default styles and a
 * line height of 1.5: a form (search), a calendar of six weeks (archive), the
 * counter's rows, a sidebar's video list (a 16:9 player and three videos) and
 * link directory (three groups). An article reserves one screen: an article is
 * at least that long, and what follows it waits below the fold. A news list
 * reserves `limit` items (typed `attr()` where the browser has it, 10
 * elsewhere), each a two-line title and a date (and a two-line summary with
 * `show-summary`), plus its fallback link. Plain strings: a widget bundles
 * only its own figures.
 */
import { css, unsafeCSS } from 'lit';

/** The banner: one line of its text (1.125rem) with its padding, in every state. */
export const bannerLine = '2.25em';
export const articleReserve = '100svh';
export const searchReserve = '3.875rem';
/** The archive's calendar (six weeks) while it loads; the typed-date form below it shows in every state. */
export const archiveCalendar = '17.875rem';
const archiveReserve = `calc(${archiveCalendar} + 4.625rem)`;
export const videoListReserve = '36.5rem';
export const linkDirectoryReserve = '15.5rem';
/** The counter's two rows (total, online), three with `show-today`. */
export const visitCounterReserve = '3.375rem';
export const visitCounterTodayReserve = '5.25rem';
/** One news item: a two-line title (line height 1.35), the gap in the item, the date (0.875em × 1.5). */
export const newsItem = '4.2625em';
/** One news item with its summary (two lines of 0.875em × 1.5 more). */
export const newsItemWithSummary = '6.8875em';

/** A widget's skeleton as tall as its reserve. */
export const skeletonReserve = (size: string, host = '') =>
  css`:host${unsafeCSS(host)} .skeleton{min-block-size:var(--portal-skeleton-height,${unsafeCSS(size)})}`;

const tags = ['banner', 'news-list', 'article', 'news-search', 'news-archive', 'video-list', 'link-directory', 'visit-counter'];
const reserve = (tag: string, size: string) => `portal-${tag}:not(:defined){min-block-size:var(--portal-skeleton-height,${size})}`;
const items = (n: string) => `calc(${n}*(var(--_item) + var(--portal-gap,.75rem)) + 1.5em)`;

/** The text of dist/portal-widgets.css: each widget's box before its tag is defined, as tall as its skeleton. */
export const widgetsCss = (): string =>
  [
    '/* portal-widgets: each widget\'s box before its script runs (docs/theming.md, "Reserve the space"). */',
    // flow-root: a fallback's margins (an <h1>'s) stay inside the box, as they do in the skeleton.
    `:is(${tags.map((t) => `portal-${t}`).join(',')}):not(:defined){display:flow-root}`,
    // One line of the band's text, cut where the running band would move it on.
    `portal-banner:not(:defined){font-size:var(--portal-banner-font-size,1.125rem);font-weight:var(--portal-banner-font-weight,700);line-height:${bannerLine};white-space:nowrap;overflow:hidden;text-overflow:ellipsis}`,
    reserve('article', articleReserve),
    reserve('news-search', searchReserve),
    reserve('news-archive', archiveReserve),
    reserve('video-list', videoListReserve),
    reserve('link-directory', linkDirectoryReserve),
    reserve('visit-counter', visitCounterReserve),
    reserve('visit-counter[show-today]', visitCounterTodayReserve),
    // `limit` items (10, the default, where typed attr() is not supported yet).
    `portal-news-list:not(:defined){--_item:${newsItem};min-block-size:${items('10')};min-block-size:${items('attr(limit type(<number>),10)')}}`,
    `portal-news-list[show-summary]:not(:defined){--_item:${newsItemWithSummary}}`,
    '',
  ].join('\n');
