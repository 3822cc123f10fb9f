/**
 * A widget's text keeps 4.5:1 wherever a page puts it: its text is the colour
 * it inherits (not the scheme's CanvasText, which vanished in a dark footer of
 * a light page, 1.4:1, and under `color-scheme: dark` on a white page, 1:1),
 * and its muted tones and tints are that colour made translucent. Each text
 * node is measured as painted: the backgrounds from the region down to the
 * text, then the text's colour, composited on a canvas and read back.
 */
import { expect } from '@open-wc/testing';
import '../../src/components/article/article.js';
import '../../src/components/banner/banner.js';
import '../../src/components/link-directory/link-directory.js';
import '../../src/components/news-archive/news-archive.js';
import '../../src/components/news-list/news-list.js';
import '../../src/components/news-search/news-search.js';
import '../../src/components/video-list/video-list.js';
import '../../src/components/visit-counter/visit-counter.js';
import { docUrl, uniqueKey, until } from '../helpers.js';

/** Where a page puts its widgets, and whether the widgets' links (the accent, which follows `color-scheme`) are held to 4.5:1 there too. */
const regions: [name: string, style: string, links: boolean][] = [
  ['a light page', 'background:#fff;color:#222', true],
  ['a light page with grey text (#444)', 'background:#fff;color:#444', true],
  ['a dark region declaring color-scheme: dark', 'color-scheme:dark;background:#1b2a4a;color:#eee', true],
  // The accent follows the scheme: such a region must declare its scheme for its links (docs/accessibility.md).
  ['a dark footer on a light page', 'background:#1b2a4a;color:#fff', false],
  ['a page declaring color-scheme: dark that paints itself white', 'color-scheme:dark;background:#fff;color:#222', false],
];

const key = () => ({ key: uniqueKey() });
const widgets: [what: string, markup: () => string][] = [
  ['news list', () => `<portal-news-list show-date show-summary limit="4" src="${docUrl('news.json', key())}"></portal-news-list>`],
  ['news list in error', () => `<portal-news-list src="${docUrl('news.json', { ...key(), fault: '500' })}"></portal-news-list>`],
  ['article', () => `<portal-article item-id="tin-100" related-limit="2" src="${docUrl('news.json', key())}"></portal-article>`],
  ['archive', () => `<portal-news-archive value="2024-04" src="${docUrl('news.json', key())}"></portal-news-archive>`],
  ['search with matches', () => `<portal-news-search value="hoi nghi" src="${docUrl('news.json', key())}"></portal-news-search>`],
  ['video list', () => `<portal-video-list src="${docUrl('videos.json', key())}"></portal-video-list>`],
  ['link directory', () => `<portal-link-directory src="${docUrl('links.json', key())}"></portal-link-directory>`],
  ['banner', () => `<portal-banner src="${docUrl('banner.json', key())}"></portal-banner>`],
  ['visit counter', () => `<portal-visit-counter show-today src="/test-api/visits?key=${uniqueKey('visits')}&start=2595954"></portal-visit-counter>`],
];

const canvas = Object.assign(document.createElement('canvas'), { width: 1, height: 1 });
const ctx = canvas.getContext('2d', { willReadFrequently: true })!;

/** `colours` painted one over the other on white, as the sRGB bytes they make. */
function composite(colours: string[]): number[] {
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 1, 1);
  for (const c of colours) {
    // A colour the canvas cannot read would leave the last one in place, unseen: two sentinels tell.
    ctx.fillStyle = '#010203';
    ctx.fillStyle = c;
    const first = ctx.fillStyle;
    ctx.fillStyle = '#030201';
    ctx.fillStyle = c;
    if (first !== ctx.fillStyle) throw new Error(`the canvas cannot read the colour ${c}`);
    ctx.fillRect(0, 0, 1, 1);
  }
  return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

const luminance = (rgb: number[]) =>
  rgb.map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const ratio = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** The element's composed-tree parent: through shadow roots and slots. */
const up = (el: Element): Element | null => el.assignedSlot ?? el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host || null);

/** Backgrounds from `region` down to `el`, outermost first. */
function backgrounds(el: Element, region: Element): string[] {
  const out: string[] = [];
  for (let at: Element | null = el; at; at = at === region ? null : up(at)) out.unshift(getComputedStyle(at).backgroundColor);
  return out;
}

/** Each visible text of the widget's shadow tree with its contrast, as painted; links left out unless `links`. */
function contrasts(widget: Element, region: Element, links: boolean): { text: string; ratio: number }[] {
  const out: { text: string; ratio: number }[] = [];
  const walker = document.createTreeWalker(widget.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement!;
    const text = node.textContent!.trim();
    if (!text || el.closest('style') || (!links && el.closest('a'))) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.getClientRects().length === 0 || el.closest('[part~="skeleton"]')) continue;
    const behind = composite(backgrounds(el, region));
    out.push({ text: `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} "${text.slice(0, 30)}"`, ratio: ratio(composite([...backgrounds(el, region), style.color]), behind) });
  }
  return out;
}

const settled = (el: Element) =>
  !!el.shadowRoot && !el.shadowRoot.querySelector('[part~="skeleton"]') && (el.shadowRoot.textContent ?? '').trim() !== '';

describe('text keeps its contrast on whatever the page paints behind it', () => {
  for (const [name, style, links] of regions)
    it(`in ${name}: every widget's text is 4.5:1 or more${links ? ', links too' : ''}`, async function () {
      this.timeout(30000);
      const region = document.body.appendChild(document.createElement('div'));
      region.setAttribute('style', `${style};padding:8px;inline-size:360px`);
      try {
        region.innerHTML = widgets.map(([, markup]) => markup()).join('');
        const shown = [...region.children];
        await until(() => shown.every(settled), 10000, 'every widget shows its data or its error');
        // The search shows its results once its index is built.
        await until(() => !!shown[4].shadowRoot!.querySelector('mark'), 10000, 'the search marks its matches');
        const failures: string[] = [];
        let measured = 0;
        shown.forEach((widget, i) => {
          for (const c of contrasts(widget, region, links)) {
            measured++;
            if (c.ratio < 4.5) failures.push(`${widgets[i][0]}: ${c.text} ${c.ratio.toFixed(2)}:1`);
          }
        });
        expect(measured, 'texts measured').to.be.above(40);
        expect(failures, failures.join('\n')).to.deep.equal([]);
      } finally {
        region.remove();
      }
    });
});
