/**
 * A widget's words are read in the widget's language (WCAG 3.1.2): on a page in
 * another language, or in none, its shadow content carries the widget's `lang`
 * (the host none: its `lang` is the page's); where the page's is the widget's,
 * nothing is added. A `lang` changed above a widget at run time, on a section
 * or in a shadow root, re-renders it in the new language.
 */
import { expect } from '@open-wc/testing';
import '../../../src/components/article/article.js';
import '../../../src/components/banner/banner.js';
import '../../../src/components/link-directory/link-directory.js';
import '../../../src/components/news-archive/news-archive.js';
import '../../../src/components/news-list/news-list.js';
import '../../../src/components/news-search/news-search.js';
import '../../../src/components/video-list/video-list.js';
import '../../../src/components/visit-counter/visit-counter.js';
import type { PortalElement } from '../../../src/internal/portal-element.js';
import { docUrl, uniqueKey, until } from '../../helpers.js';

const key = () => ({ key: uniqueKey() });
/** One of each widget, with words of its own (the fixtures' feeds are `"language": "vi"`). */
const widgets = () => [
  `<portal-news-list show-date limit="3" src="${docUrl('news.json', key())}"></portal-news-list>`,
  `<portal-news-list src="${docUrl('news.json', { ...key(), fault: '500' })}"></portal-news-list>`,
  `<portal-article item-id="tin-100" related-limit="2" src="${docUrl('news.json', key())}"></portal-article>`,
  `<portal-news-archive value="2024-04" src="${docUrl('news.json', key())}"></portal-news-archive>`,
  `<portal-news-search value="hoi nghi" src="${docUrl('news.json', key())}"></portal-news-search>`,
  `<portal-video-list src="${docUrl('videos.json', key())}"></portal-video-list>`,
  `<portal-link-directory src="${docUrl('links.json', key())}"></portal-link-directory>`,
  `<portal-banner src="${docUrl('banner.json', key())}"></portal-banner>`,
  `<portal-visit-counter show-today src="/test-api/visits?key=${uniqueKey('visits')}&start=2595954"></portal-visit-counter>`,
];

/** The language a node is in, as the HTML standard computes it: its nearest `lang` up the tree, a shadow root's from its host ('' for none). */
function languageOf(node: Node): string {
  for (let at: Node | null = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode)
    if (at instanceof Element && at.hasAttribute('lang')) return at.getAttribute('lang')!;
  return '';
}

/** Each text of `widget`'s shadow tree (not its styles) with the language it is in. */
function texts(widget: Element): { text: string; lang: string }[] {
  const walker = document.createTreeWalker(widget.shadowRoot!, NodeFilter.SHOW_TEXT);
  const out: { text: string; lang: string }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    if (text && !node.parentElement?.closest('style')) out.push({ text: `${widget.localName} "${text.slice(0, 30)}"`, lang: languageOf(node) });
  }
  return out;
}

const settled = (el: Element) => !!el.shadowRoot && !el.shadowRoot.querySelector('[part~="skeleton"]') && (el.shadowRoot.textContent ?? '').trim() !== '';

/** Every widget, in a region with `lang` (none for null), once each shows its data or its error. */
async function widgetsIn(lang: string | null): Promise<{ region: HTMLElement; shown: PortalElement[] }> {
  const region = document.body.appendChild(document.createElement('div'));
  if (lang !== null) region.setAttribute('lang', lang);
  region.innerHTML = widgets().join('');
  const shown = [...region.children] as PortalElement[];
  await until(() => shown.every(settled), 10000, 'every widget shows its data or its error');
  await until(() => !!shown[4].shadowRoot!.querySelector('mark'), 10000, 'the search marks its matches');
  return { region, shown };
}

/** Runs `fn` on a page whose `<html>` has no `lang`. */
async function withoutPageLang(fn: () => Promise<void>): Promise<void> {
  const saved = document.documentElement.getAttribute('lang');
  document.documentElement.removeAttribute('lang');
  try {
    await fn();
  } finally {
    if (saved !== null) document.documentElement.setAttribute('lang', saved);
  }
}

const frame = () => new Promise((r) => setTimeout(r, 50));

describe("a widget's words are in the widget's language", () => {
  for (const [name, lang] of [
    ['a page without lang', null],
    ['a French page', 'fr'],
    ['a region of unknown language (lang="")', ''],
  ] as const)
    it(`on ${name}: every text of every widget is read as Vietnamese, the host has no lang`, async function () {
      this.timeout(30000);
      await withoutPageLang(async () => {
        const { region, shown } = await widgetsIn(lang);
        try {
          const all = shown.flatMap(texts);
          expect(all.length, 'texts').to.be.above(40);
          const wrong = all.filter((t) => t.lang !== 'vi').map((t) => `${t.text}: "${t.lang}"`);
          expect(wrong, wrong.join('\n')).to.deep.equal([]);
          expect(shown.filter((w) => w.hasAttribute('lang')).map((w) => w.localName)).to.deep.equal([]);
        } finally {
          region.remove();
        }
      });
    });

  it('on a page in the widget\'s language (en-GB, vi-VN) no lang is added: the words inherit the page\'s', async function () {
    this.timeout(30000);
    for (const [lang, feed] of [
      ['en-GB', 'vi'], // feed text keeps the feed's language
      ['vi-VN', 'vi'],
    ]) {
      const { region, shown } = await widgetsIn(lang);
      try {
        const wrong = shown.flatMap(texts).filter((t) => t.lang !== lang && t.lang !== feed);
        expect(wrong.map((t) => `${t.text}: "${t.lang}"`)).to.deep.equal([]);
        const ownMarks = shown.flatMap((w) => [...w.shadowRoot!.children].filter((c) => c.getAttribute('lang') === lang.slice(0, 2) && !c.matches('[part="list"]')));
        expect(ownMarks.map((c) => c.localName), `marks on ${lang}`).to.deep.equal([]);
      } finally {
        region.remove();
      }
    }
  });

  it("follows the page: a French region turned Vietnamese at run time takes the marks off, turned back puts them on", async function () {
    this.timeout(30000);
    await withoutPageLang(async () => {
      const { region, shown } = await widgetsIn('fr');
      try {
        const marks = () => shown.flatMap((w) => [...w.shadowRoot!.children].filter((c) => c.getAttribute('lang') === 'vi' && !c.matches('[part="list"]')));
        expect(marks().length).to.be.above(8);
        region.lang = 'vi';
        await frame();
        await Promise.all(shown.map((w) => w.updateComplete));
        expect(marks().map((c) => c.localName)).to.deep.equal([]);
        expect(shown.flatMap(texts).filter((t) => t.lang !== 'vi')).to.deep.equal([]);
        region.lang = 'fr';
        await frame();
        await Promise.all(shown.map((w) => w.updateComplete));
        expect(shown.flatMap(texts).filter((t) => t.lang !== 'vi')).to.deep.equal([]);
      } finally {
        region.remove();
      }
    });
  });
});

describe('a lang changed above a widget at run time', () => {
  it('on a section: the widget speaks its language', async () => {
    const section = document.body.appendChild(document.createElement('section'));
    section.lang = 'vi';
    section.innerHTML = `<portal-news-list src="${docUrl('empty.json', key())}"></portal-news-list>`;
    const list = section.firstElementChild as PortalElement;
    try {
      await until(() => !!list.shadowRoot?.querySelector('[part="empty"]'), 8000, 'the empty list');
      expect(list.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('Chưa có tin nào.');
      section.lang = 'en';
      await frame();
      await list.updateComplete;
      expect(list.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('No news yet.');
    } finally {
      section.remove();
    }
  });

  it('moved into a region of another language: the widget speaks it, and its marks follow', async () => {
    const [fr, en] = ['fr', 'en'].map((lang) => Object.assign(document.body.appendChild(document.createElement('div')), { lang }));
    fr.innerHTML = `<portal-news-list src="${docUrl('empty.json', key())}"></portal-news-list><portal-news-search></portal-news-search>`;
    const [list, search] = [...fr.children] as PortalElement[];
    const empty = () => list.shadowRoot!.querySelector('[part="empty"]');
    const input = () => search.shadowRoot!.querySelector('input')!;
    try {
      await until(() => !!empty(), 8000, 'the empty list');
      expect([empty()!.textContent, empty()!.getAttribute('lang')]).to.deep.equal(['Chưa có tin nào.', 'vi']);
      expect(input().placeholder).to.equal('Nhập từ khóa…');
      en.append(list, search);
      await frame();
      await Promise.all([list.updateComplete, search.updateComplete]);
      expect([empty()!.textContent, empty()!.getAttribute('lang')]).to.deep.equal(['No news yet.', null]);
      expect([input().placeholder, search.shadowRoot!.querySelector('form')!.closest('[lang]')?.getAttribute('lang') ?? null]).to.deep.equal(['Enter words…', null]);
    } finally {
      fr.remove();
      en.remove();
    }
  });

  it("in the shadow root of the page's own component: the widget speaks its language", async () => {
    const app = document.body.appendChild(document.createElement('div'));
    const root = app.attachShadow({ mode: 'open' });
    root.innerHTML = `<div lang="vi"><portal-news-search></portal-news-search></div>`;
    const search = root.querySelector('portal-news-search') as PortalElement;
    try {
      await search.updateComplete;
      const input = () => search.shadowRoot!.querySelector('input')!;
      expect(input().placeholder).to.equal('Nhập từ khóa…');
      root.firstElementChild!.setAttribute('lang', 'en');
      await frame();
      await search.updateComplete;
      expect(input().placeholder).to.equal('Enter words…');
    } finally {
      app.remove();
    }
  });
});
