/**
 * The text of dist/portal-widgets.css (written by scripts/widgets-css.ts in
 * `npm run build`): each widget's box before its tag is defined, as tall as
 * its skeleton, so nothing moves when the script arrives (docs/theming.md,
 * "Reserve the space"). The figures are read from the widgets' own styles, the
 * one place they are written: `--_reserve` on the host (the skeleton's height;
 * `:host([attr])` variants too) and the news list's `--_item` (one item
 * skeleton, times `limit`).
 */
import type { CSSResultGroup } from 'lit';
import { styles as article } from '../src/components/article/article.styles.js';
import { styles as banner } from '../src/components/banner/banner.styles.js';
import { styles as linkDirectory } from '../src/components/link-directory/link-directory.styles.js';
import { styles as newsArchive } from '../src/components/news-archive/news-archive.styles.js';
import { styles as newsList } from '../src/components/news-list/news-list.styles.js';
import { styles as newsSearch } from '../src/components/news-search/news-search.styles.js';
import { styles as videoList } from '../src/components/video-list/video-list.styles.js';
import { styles as visitCounter } from '../src/components/visit-counter/visit-counter.styles.js';

const sheets: Record<string, CSSResultGroup> = {
  banner,
  'news-list': newsList,
  article,
  'news-search': newsSearch,
  'news-archive': newsArchive,
  'video-list': videoList,
  'link-directory': linkDirectory,
  'visit-counter': visitCounter,
};

/** The archive's date form, below its calendar in every state: part of its box before definition. */
const ARCHIVE_FORM = '4.625rem';

const text = (g: CSSResultGroup): string => (Array.isArray(g) ? g.map(text).join('\n') : 'cssText' in g ? g.cssText : '');

/** The values of custom property `name` set in `:host` rules: [attribute selector ('' for plain :host), value]. */
function hostValues(tag: string, name: string): [string, string][] {
  const rule = new RegExp(String.raw`:host(?:\((\[[^\]]+\])\))?\s*\{[^}]*?${name}\s*:\s*([^;}]+?)\s*[;}]`, 'g');
  return [...text(sheets[tag]).matchAll(rule)].map((m) => [m[1] ?? '', m[2]]);
}

export function widgetsCss(): string {
  const rules = [
    '/* portal-widgets: each widget\'s box before its script runs (docs/theming.md, "Reserve the space"). */',
    // flow-root: a fallback's margins (an <h1>'s) stay inside the box, as they do in the skeleton.
    `:is(${Object.keys(sheets).map((t) => `portal-${t}`).join(',')}):not(:defined){display:flow-root}`,
  ];
  for (const tag of Object.keys(sheets).filter((t) => t !== 'banner')) {
    for (const [attr, value] of hostValues(tag, '--_reserve')) {
      const size = tag === 'news-archive' ? `calc(${value} + ${ARCHIVE_FORM})` : value;
      rules.push(`portal-${tag}${attr}:not(:defined){min-block-size:var(--portal-skeleton-height,${size})}`);
    }
  }
  // The banner: one line of its text, cut where the running band would move it on.
  const [[, line]] = hostValues('banner', '--_reserve');
  rules.push(
    `portal-banner:not(:defined){font-size:var(--portal-banner-font-size,1.125rem);font-weight:var(--portal-banner-font-weight,700);line-height:${line};white-space:nowrap;overflow:hidden;text-overflow:ellipsis}`,
  );
  // The news list: `limit` items and its fallback link (10 items, the default, where typed attr() is not supported yet).
  const items = (n: string) => `calc(${n}*(var(--_item) + var(--portal-gap,.75rem)) + 1.5em)`;
  for (const [attr, value] of hostValues('news-list', '--_item')) rules.push(`portal-news-list${attr}:not(:defined){--_item:${value}}`);
  // In @supports: a var() makes any declaration valid when parsed, so an unsupported attr() would void it rather than fall back.
  const list = (n: string) => `portal-news-list:not(:defined){min-block-size:var(--portal-skeleton-height,${items(n)})}`;
  rules.push(list('10'), `@supports (x:attr(x type(*))){${list('attr(limit type(<number>),10)')}}`);
  return `${rules.join('\n')}\n`;
}
