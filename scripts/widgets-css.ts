/**
 * Writes dist/portal-widgets.css (part of `npm run build`): the rules a page
 * links so each widget's box is reserved before its script defines the tag
 * (docs/theming.md, "Reserve the space"). The sizes come from
 * src/styles/reserve.ts, the same figures the widgets' skeletons use; prints
 * the file's size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as r from '../src/styles/reserve.js';
import { widgets } from '../build/entries.js';

/** The webmaster's --portal-skeleton-height wins, as it does in the skeleton. */
const reserve = (size: string) => `min-block-size:var(--portal-skeleton-height,${size})`;
const rows = (n: string) => `calc(${n}*(var(--_item) + var(--portal-gap,.75rem)) + 1.5em)`;

const rules = [
  // flow-root: a fallback's margins (an <h1>'s) stay inside the box, as they do in the skeleton.
  `:is(${widgets.map((w) => `portal-${w}`).join(',')}):not(:defined){display:flow-root}`,
  // One line of the band's text, cut where the running band would move it.
  `portal-banner:not(:defined){font-size:var(--portal-banner-font-size,1.125rem);font-weight:var(--portal-banner-font-weight,700);line-height:${r.bannerLine};white-space:nowrap;overflow:hidden;text-overflow:ellipsis}`,
  `portal-article:not(:defined){${reserve(r.articleReserve)}}`,
  `portal-news-search:not(:defined){${reserve(r.searchReserve)}}`,
  `portal-news-archive:not(:defined){${reserve(r.archiveReserve)}}`,
  `portal-video-list:not(:defined){${reserve(r.videoListReserve)}}`,
  `portal-link-directory:not(:defined){${reserve(r.linkDirectoryReserve)}}`,
  `portal-visit-counter:not(:defined){${reserve(r.visitCounterReserve)}}`,
  // `limit` items (10, the default, where typed attr() is not supported yet).
  `portal-news-list:not(:defined){--_item:${r.newsItem};min-block-size:${rows('10')};min-block-size:${rows('attr(limit type(<number>),10)')}}`,
  `portal-news-list[show-summary]:not(:defined){--_item:${r.newsItemWithSummary}}`,
];

const text = `/* portal-widgets: each widget's box before its script runs (docs/theming.md). Generated from src/styles/reserve.ts. */\n${rules.join('\n')}\n`;
mkdirSync('dist', { recursive: true });
writeFileSync('dist/portal-widgets.css', text);
console.log(`dist/portal-widgets.css  ${(text.length / 1024).toFixed(2)} kB │ gzip: ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(2)} kB`);
