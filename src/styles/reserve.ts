/**
 * The box each widget reserves until its data is shown, so nothing on the page
 * moves when a tag is defined or its data arrives (zero layout shift). One
 * source for two places: each widget's skeleton (its `.skeleton` min-block-size,
 * overridable with `--portal-skeleton-height`) and, before the tag is defined,
 * the `:not(:defined)` rules of dist/portal-widgets.css
 * (build/widgets-css.ts), which the page links.
 *
 * The figures are the rendered widget's height with the default styles and a
 * line height of 1.5: a form (search), a calendar of six weeks (archive),
 * the counter's three rows, a sidebar's video list (a 16:9 player and three
 * videos) and link directory (three groups). An article reserves one screen: an
 * article is at least that long, and what follows it waits below the fold. A
 * news list reserves `limit` items (typed `attr()` where the browser has it, 10
 * elsewhere), each an item of a two-line title and a date (and a two-line
 * summary with `show-summary`), plus its fallback link.
 */
import { css, unsafeCSS } from 'lit';

/** The banner: one line of its text (1.125rem) and its padding, in every state. */
export const bannerLine = '2.25em';
export const articleReserve = '100svh';
export const searchReserve = '3.875rem';
/** The archive's calendar (six weeks) while it loads; below it the typed-date form shows in every state. */
export const archiveCalendar = '17.875rem';
export const archiveReserve = `calc(${archiveCalendar} + 4.625rem)`;
export const videoListReserve = '36.5rem';
export const linkDirectoryReserve = '15.5rem';
export const visitCounterReserve = '5.25rem';
/** One news item: a two-line title (line height 1.35), the gap in the item, the date (0.875em × 1.5). */
export const newsItem = '4.2625em';
/** One news item with its summary (two lines of 0.875em × 1.5 more). */
export const newsItemWithSummary = '6.8875em';

/** A widget's skeleton as tall as its reserve (plain strings above: a widget bundles only its own figure). */
export const skeletonReserve = (size: string) => css`.skeleton{min-block-size:var(--portal-skeleton-height,${unsafeCSS(size)})}`;
