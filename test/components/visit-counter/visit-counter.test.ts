import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/visit-counter/visit-counter.js';
import type { PortalVisitCounter } from '../../../src/components/visit-counter/visit-counter.component.js';
import { parseCount } from '../../../src/core/formats/counter.js';
import { nextEvent, requestCount, resetFeeds, uniqueKey, until, untilSaved } from '../../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
/** The shadow root's text, with a space between the label and the value of each figure. */
const text = (el: Element) =>
  [...shadow(el).childNodes]
    .filter((n) => n.nodeType !== Node.COMMENT_NODE)
    .map((n) => (n instanceof Element && n.matches('dl') ? [...n.querySelectorAll('dt, dd')].map((d) => d.textContent).join(' ') : n.textContent))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
const value = (el: Element, part: string) => shadow(el).querySelector(`[part~="${part}"]`)?.textContent?.trim();
const visitsUrl = (params: Record<string, string | number> = {}) =>
  `/test-api/visits?${new URLSearchParams(Object.entries({ key: uniqueKey('visits'), ...params }).map(([k, v]) => [k, String(v)]))}`;
const keyOf = (url: string) => new URL(url, location.href).searchParams.get('key')!;

async function shown(el: PortalVisitCounter) {
  await until(() => !!value(el, 'total'), 8000, 'the total');
  await el.updateComplete;
}
async function stale(el: PortalVisitCounter) {
  await until(() => !!shadow(el).querySelector('[part="stale"]'), 8000, 'the not-current note');
  await el.updateComplete;
}

/** Pretends the page is hidden or visible, as a tab switch does. */
function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<portal-visit-counter>', () => {
  beforeEach(async () => {
    await resetFeeds();
    sessionStorage.clear();
    // Test pages run side by side: a browser may report one as hidden, which stops refreshing.
    setVisibility('visible');
  });
  afterEach(() => {
    delete (document as unknown as Record<string, unknown>).visibilityState; // back to the real one
  });

  it('shows the total and the online count grouped the Vietnamese way', async () => {
    const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter src=${visitsUrl({ start: 2595954 })}></portal-visit-counter>`);
    await shown(el);
    expect(value(el, 'total')).to.equal('2.595.954');
    expect(value(el, 'online')).to.equal('133');
    expect(text(el)).to.match(/^Truy cập tổng 2\.595\.954 Truy cập hiện tại 133$/);
    await expect(el).to.be.accessible();
  });

  it('groups the English way in en, and shows today when asked', async () => {
    const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter lang="en" show-today src=${visitsUrl({ start: 2595954 })}></portal-visit-counter>`);
    await shown(el);
    expect(text(el)).to.equal('Total visits 2,595,954 Online now 133 Today 1,000');
    await expect(el).to.be.accessible();
  });

  it('keeps the fallback children visible while loading, beside a skeleton', async () => {
    const el = await fixture<PortalVisitCounter>(
      html`<portal-visit-counter src=${visitsUrl({ fault: 'slow', ms: 600 })}><p>Thống kê truy cập</p></portal-visit-counter>`,
    );
    expect(shadow(el).querySelector('slot')!.assignedElements()[0].textContent).to.equal('Thống kê truy cập');
    expect(shadow(el).querySelector('[part="skeleton"]')).to.exist;
    await expect(el).to.be.accessible();
    await shown(el);
    expect(shadow(el).querySelector('slot')).to.equal(null);
  });

  it('records one visit per browser session with hit, and shows the answer', async () => {
    const src = visitsUrl({ start: 100 });
    const first = await fixture<PortalVisitCounter>(html`<portal-visit-counter hit src=${src}></portal-visit-counter>`);
    await shown(first);
    expect(value(first, 'total')).to.equal('101');
    expect(await requestCount(`${keyOf(src)}:post`)).to.include({ count: 1 });
    expect(await requestCount(keyOf(src))).to.include({ count: 0 });
    // The next page of the same session reads, and does not count again.
    first.remove();
    await resetFeeds();
    const second = await fixture<PortalVisitCounter>(html`<portal-visit-counter hit src=${src}></portal-visit-counter>`);
    await shown(second);
    expect(value(second, 'total')).to.equal('101');
    expect(await requestCount(`${keyOf(src)}:post`)).to.include({ count: 1 });
    expect(await requestCount(keyOf(src))).to.include({ count: 1 });
  });

  it('two counters with hit on one page make one POST', async () => {
    const src = visitsUrl();
    const el = await fixture(html`<div><portal-visit-counter hit src=${src}></portal-visit-counter><portal-visit-counter hit src=${src}></portal-visit-counter></div>`);
    const [a, b] = [...el.querySelectorAll('portal-visit-counter')];
    await shown(a);
    await shown(b);
    expect(await requestCount(`${keyOf(src)}:post`)).to.include({ count: 1 });
  });

  // On screen: short plain Vietnamese; the developer detail only in the event and the console.
  const faults: [string, Record<string, string | number>, RegExp, string, string][] = [
    ['500', { fault: '500' }, /Máy chủ trả lỗi\./, 'http', 'HTTP 500'],
    ['malformed JSON', { fault: 'malformed' }, /Dữ liệu bị hỏng, không đọc được\./, 'parse', ''],
    ['counts that are not numbers', { fault: 'nan' }, /: Máy chủ không trả về số liệu truy cập\./, 'format', '$.total: not a number'],
  ];
  for (const [name, params, message, code, detail] of faults) {
    it(`with nothing read yet, ${name} shows a localized error, a retry button and the fallback`, async () => {
      const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter src=${visitsUrl(params)}><p>Thống kê truy cập</p></portal-visit-counter>`);
      const event = nextEvent<{ error: { code: string; detail?: string } }>(el, 'portal-error');
      await until(() => !!shadow(el).querySelector('[part="error"]'), 8000, 'error');
      expect((await event).detail.error.code).to.equal(code);
      if (detail) {
        expect((await event).detail.error.detail).to.include(detail);
        expect(text(el)).not.to.include(detail);
      }
      expect(text(el)).not.to.match(/nguồn tin|\$\.|HTTP/);
      expect(text(el)).to.match(message);
      expect(text(el)).to.match(/^Không tải được số liệu truy cập/);
      expect(text(el)).not.to.match(/NaN|undefined/);
      expect(shadow(el).querySelector('[part="retry"]')).to.exist;
      expect(shadow(el).querySelector('slot')).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('on an error keeps the last value and marks it as not current; a retry makes it current', async () => {
    const src = visitsUrl({ start: 2595954, fault: '500', after: 1 });
    const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter src=${src}></portal-visit-counter>`);
    await shown(el);
    el.refresh = 1;
    await stale(el);
    expect(value(el, 'total')).to.equal('2.595.954');
    expect(shadow(el).querySelector('dl')!.classList.contains('stale')).to.equal(true);
    expect(value(el, 'stale')).to.match(/Số liệu lúc 10:15, chưa được cập nhật/);
    expect(text(el)).not.to.match(/NaN|undefined/);
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(value(el, 'stale')).to.match(/Figures from 10:15 AM, not current/);
    await expect(el).to.be.accessible();
    el.refresh = 0;
    await fetch(`/test-api/visits-heal?key=${keyOf(src)}`);
    const loaded = nextEvent(el, 'portal-load');
    shadow(el).querySelector<HTMLButtonElement>('[part="stale"] [part="retry"]')!.click();
    await loaded;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="stale"]')).to.equal(null);
    expect(shadow(el).querySelector('dl')!.classList.contains('stale')).to.equal(false);
  });

  it('shows the copy saved on an earlier visit, marked not current, when the first read fails', async () => {
    const key = uniqueKey('visits');
    const ok = await fixture<PortalVisitCounter>(html`<portal-visit-counter src=${`/test-api/visits?key=${key}&start=5000&fault=500&after=1`}></portal-visit-counter>`);
    await shown(ok);
    ok.remove();
    await untilSaved(key);
    const { resetStore } = await import('../../../src/core/feed-store.js');
    resetStore(); // a new page: only the device's saved copy is left
    const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter src=${`/test-api/visits?key=${key}&start=5000&fault=500&after=1`}></portal-visit-counter>`);
    await stale(el);
    expect(value(el, 'total')).to.equal('5.000');
  });

  it('re-reads every refresh seconds only while the page is visible', async () => {
    const src = visitsUrl();
    const key = keyOf(src);
    const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter refresh="1" src=${src}></portal-visit-counter>`);
    await shown(el);
    await until(() => el.count !== undefined, 2000);
    let last = 0;
    const reads = async () => (last = (await requestCount(key)).count);
    const started = performance.now();
    while ((await reads()) < 2 && performance.now() - started < 5000) await new Promise((r) => setTimeout(r, 100));
    expect(last).to.equal(2, 'one refresh after a second');
    setVisibility('hidden');
    const hiddenAt = await reads();
    await new Promise((r) => setTimeout(r, 2300));
    expect(await reads()).to.equal(hiddenAt, 'no request while hidden');
    setVisibility('visible');
    await new Promise((r) => setTimeout(r, 300));
    expect(await reads()).to.equal(hiddenAt + 1, 'read at once when visible again after a period');
    el.remove();
    const atRemoval = await reads();
    await new Promise((r) => setTimeout(r, 1300));
    expect(await reads()).to.equal(atRemoval, 'no request once removed');
  });

  for (const refresh of ['2147484', '1e10', 'Infinity', 'NaN', '-5']) {
    it(`refresh="${refresh}" reads once here: a period over what a timer keeps is cut to it (none if not finite), never one that fires at once`, async () => {
      const src = visitsUrl();
      const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter refresh=${refresh} src=${src}></portal-visit-counter>`);
      await shown(el);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await requestCount(keyOf(src))).count).to.equal(1);
      el.remove();
    });
  }

  it('an endpoint that leaves out `updated`: the stale note has no empty time', async () => {
    const el = await fixture<PortalVisitCounter>(
      html`<portal-visit-counter .count=${{ total: 5, online: 1 }} src=${visitsUrl({ fault: '500' })}></portal-visit-counter>`,
    );
    await until(() => !!shadow(el).querySelector('[part="stale"]'), 8000, 'stale note');
    expect(value(el, 'stale')).to.match(/^Số liệu chưa được cập nhật: Máy chủ trả lỗi\./);
    expect(value(el, 'stale')).not.to.match(/lúc\s*,/);
  });

  it('takes a count as a property without src', async () => {
    const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter .count=${{ total: 1234567, online: 2 }}></portal-visit-counter>`);
    expect(text(el)).to.equal('Truy cập tổng 1.234.567 Truy cập hiện tại 2');
  });

  it('without src or meta shows the configuration error', async () => {
    const el = await fixture<PortalVisitCounter>(html`<portal-visit-counter></portal-visit-counter>`);
    await until(() => !!shadow(el).querySelector('[part="error"]'));
    expect(text(el)).to.match(/Cấu hình tiện ích chưa đúng\./);
  });
});

describe('parseCount', () => {
  it('reads the counter document and refuses what would show NaN', () => {
    expect(parseCount('{"total": 2595954, "online": 133, "today": 12, "updated": "2024-04-19T10:15:00+07:00"}')).to.deep.equal({
      total: 2595954,
      online: 133,
      today: 12,
      updated: new Date('2024-04-19T03:15:00Z'),
    });
    for (const bad of ['{"online": 1}', '{"total": 1}', '{"total": -1, "online": 0}', '{"total": 1.5, "online": 0}', '{"total": "x", "online": 0}', '[]', '"1"', '{"total": 1e400, "online": 0}']) {
      expect(() => parseCount(bad), bad).to.throw();
    }
  });
});
