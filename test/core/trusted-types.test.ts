/**
 * Reading every format under `require-trusted-types-for 'script'` with the
 * documented policy names (lit-html dompurify portal-widgets) raises no
 * violation, hostile RSS and Atom included, and no injected script runs.
 */
import { expect } from '@open-wc/testing';
import { docUrl, framedReport, uniqueKey } from '../helpers.js';

interface Report {
  violations: string[];
  errors: string[];
  lists: { src: string; titles: string[]; error: string | null }[];
  article: { title: string; body: number } | null;
}

const FEEDS = ['news.json', 'news.rss.xml', 'news.atom.xml', 'real-world/rss1-rdf.xml', 'real-world/atom03.xml', 'real-world/broken-entities.xml', 'real-world/junk-before-root.xml', 'real-world/charset-1258.xml', 'real-world/hostile.rss.xml', 'real-world/hostile.atom.xml'];

describe('Trusted Types: every format read with the documented policies', function () {
  this.timeout(40000);

  it('raises no violation and runs no injected script', async () => {
    const feeds = FEEDS.map((f) => docUrl(f, { key: uniqueKey('tt'), ...(f.endsWith('1258.xml') ? { type: 'application/rss+xml' } : {}) }));
    const page = `/test-api/tt-page?${new URLSearchParams({ feeds: feeds.join(','), article: feeds[8], item: 'hostile-1' })}`;
    expect((await fetch(page)).headers.get('content-security-policy')).to.match(/require-trusted-types-for 'script'; trusted-types lit-html dompurify portal-widgets;/);
    const r = await framedReport<Report>(page, 'tt-page', 35000);
    console.log(`Trusted Types page: ${r.violations.length} violations, ${r.errors.length} errors; ${r.lists.map((l) => `${l.titles.length} items`).join(', ')}`);
    expect(r.errors).to.deep.equal([]);
    expect(r.violations).to.deep.equal([]);
    r.lists.forEach((l) => expect(l.error, l.src).to.equal(null));
    expect(r.lists.map((l) => l.titles.length)).to.deep.equal([10, 6, 5, 2, 2, 2, 2, 1, 2, 2]);
    expect(r.lists[7].titles).to.deep.equal(['Hội nghị tổng kết công tác năm']);
    expect(r.lists[8].titles[0]).to.equal('Tiêu đề độc'); // the <img> escaped in the title is a tag, stripped: only its text shows
    expect(r.article?.title).to.equal(r.lists[8].titles[0]);
    expect(r.article!.body).to.be.above(10);
    const hits = await (await fetch('/test-api/beacon-hits?key=tt')).json();
    expect(hits.ids).to.deep.equal([]);
  });
});
