import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/components/banner/banner.js';
import type { PortalBanner } from '../../../src/components/banner/banner.component.js';
import { captureWarnings, docUrl, resetFeeds, uniqueKey, until } from '../../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...shadow(el).querySelectorAll<T>(sel)];
const errorText = (el: Element) => $(el, '[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const WELCOME = 'NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI MẶT TRẬN TỔ QUỐC VIỆT NAM CÁC CẤP TỈNH THỪA THIÊN HUẾ NHIỆM KỲ 2024 - 2029 !';
const PAUSED_KEY = 'portal-widgets:banner-paused';
const track = (el: Element) => getComputedStyle($(el, '.track')!);

/** Emulates prefers-reduced-motion; false where the browser cannot (Firefox through WebDriver BiDi has no CDP for it). */
async function reducedMotion(value: 'reduce' | 'no-preference'): Promise<boolean> {
  if (navigator.userAgent.includes('Firefox')) return false;
  try {
    await emulateMedia({ reducedMotion: value });
    return true;
  } catch {
    return false;
  }
}

async function settled(el: PortalBanner) {
  await until(() => !!$(el, '[part="banner"], [part="error"]'), 8000, 'banner');
  await el.updateComplete;
}

describe('<portal-banner>', () => {
  beforeEach(async () => {
    await resetFeeds();
    localStorage.removeItem(PAUSED_KEY);
    await reducedMotion('no-preference');
  });

  it('shows the light-DOM children as an accessible ticker: pause button first, full text, an aria-hidden copy', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner><span>${WELCOME}</span><a href="/dai-hoi.html">Xem chi tiết</a></portal-banner>`);
    await el.updateComplete;
    const banner = $(el, '[part="banner"]')!;
    const button = banner.firstElementChild as HTMLButtonElement;
    expect(button.getAttribute('part')).to.equal('pause-button');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.textContent!.trim()).to.include('Dừng chữ chạy');
    const [run, copy] = $$(el, '.run');
    expect([...run.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([WELCOME, 'Xem chi tiết']);
    expect(run.querySelector('a')!.getAttribute('href')).to.equal(new URL('/dai-hoi.html', location.href).href);
    expect(run.hasAttribute('aria-hidden')).to.equal(false);
    expect(copy.getAttribute('aria-hidden')).to.equal('true');
    expect(copy.querySelector('a, button, [tabindex]')).to.equal(null);
    // Motion: a CSS animation of transform, its duration from the text's width and the speed.
    expect(track(el).animationName).to.equal('portal-ticker');
    expect(track(el).animationPlayState).to.equal('running');
    expect($(el, '.track')!.style.getPropertyValue('--_duration')).to.equal(`${(run.offsetWidth / 50).toFixed(2)}s`);
    // No live announcements.
    expect(shadow(el).querySelector('[aria-live], [role="status"], [role="alert"], [role="marquee"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the pause button stops the text, shows it whole, and the choice is remembered', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner><span>${WELCOME}</span></portal-banner>`);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="pause-button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="pause-button"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect($$(el, '.run')).to.have.length(1);
    expect(track(el).animationName).to.equal('none');
    expect(localStorage.getItem(PAUSED_KEY)).to.equal('1');
    const run = $(el, '.run')!;
    expect(run.scrollWidth).to.be.at.most($(el, '.viewport')!.clientWidth + 1); // wrapped, all readable
    await expect(el).to.be.accessible();
    const next = await fixture<PortalBanner>(html`<portal-banner><span>${WELCOME}</span></portal-banner>`);
    await next.updateComplete;
    expect($(next, '[part="pause-button"]')!.getAttribute('aria-pressed')).to.equal('true');
    $<HTMLButtonElement>(next, '[part="pause-button"]')!.click();
    await next.updateComplete;
    expect(localStorage.getItem(PAUSED_KEY)).to.equal('0');
    expect(track(next).animationName).to.equal('portal-ticker');
  });

  it('focus stops the text and shows it wrapped, in full, so the focused link is in view', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner style="inline-size: 320px"><a href="/dai-hoi.html">${WELCOME}</a></portal-banner>`);
    await el.updateComplete;
    const link = $<HTMLAnchorElement>(el, '.run a')!;
    link.focus();
    expect(track(el).animationName).to.equal('none');
    expect(getComputedStyle($$(el, '.run')[1]).display).to.equal('none');
    const box = link.getBoundingClientRect();
    const viewport = $(el, '.viewport')!.getBoundingClientRect();
    expect(box.left).to.be.at.least(viewport.left - 1);
    expect(box.right).to.be.at.most(viewport.right + 1);
  });

  it('never moves under prefers-reduced-motion: reduce', async function () {
    if (!(await reducedMotion('reduce'))) this.skip();
    const el = await fixture<PortalBanner>(html`<portal-banner><span>${WELCOME}</span></portal-banner>`);
    await el.updateComplete;
    expect($(el, '[part="pause-button"]')).to.equal(null);
    expect($$(el, '.run')).to.have.length(1);
    expect(track(el).animationName).to.equal('none');
    await reducedMotion('no-preference');
    await until(() => $$(el, '.run').length === 2, 2000, 'motion allowed again');
  });

  /** The band's height now, and once its document has replaced the fallback. */
  async function heightsBeforeAndAfterData(width: number, attrs: { static?: boolean } = {}): Promise<[number, number, PortalBanner]> {
    const el = await fixture<PortalBanner>(
      html`<portal-banner style="inline-size: ${width}px" ?static=${attrs.static} src=${docUrl('banner.json', { key: uniqueKey(), fault: 'slow', ms: 300 })}
        ><span>${WELCOME}</span></portal-banner
      >`,
    );
    expect($(el, '[part="skeleton"]'), 'loading').to.exist;
    const before = el.getBoundingClientRect().height;
    await settled(el);
    return [before, el.getBoundingClientRect().height, el];
  }

  /** Still text: one line cut at the band's end, and "Xem thêm" unfolds it in full and folds it back. */
  async function expectFoldedWithMore(el: PortalBanner) {
    const run = $(el, '.run')!;
    const viewport = $(el, '.viewport')!;
    const more = $<HTMLButtonElement>(el, '[part="expand-button"]')!;
    expect(getComputedStyle(run).whiteSpace).to.equal('nowrap');
    expect(run.offsetWidth, 'the text is cut').to.be.above(viewport.clientWidth);
    expect(getComputedStyle(viewport).overflow).to.equal('hidden');
    expect(more.hidden).to.equal(false);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(more.textContent!.trim()).to.include('Xem thêm');
    expect(shadow(el).querySelector('[part="banner"]')!.lastElementChild).to.equal(more);
    expect(run.textContent, 'a screen reader reads it all').to.include('NHIỆM KỲ 2024 - 2029');
    await expect(el).to.be.accessible();
    const width = more.getBoundingClientRect().width;
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(more.getBoundingClientRect().width, 'the chevron turns (▾ to ▴), the button keeps its width').to.equal(width);
    expect(run.offsetWidth, 'unfolded, all readable').to.be.at.most(viewport.clientWidth + 1);
    expect(more.textContent).to.include('▴');
    expect(el.getBoundingClientRect().height).to.be.above(60);
    await expect(el).to.be.accessible();
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(run).whiteSpace).to.equal('nowrap');
  }

  for (const width of [320, 412, 1366]) {
    it(`keeps its box when the data arrives at ${width} px, moving and still (static, paused, reduced motion)`, async () => {
      const moving = await heightsBeforeAndAfterData(width);
      expect(moving[2].moving).to.equal(true);
      const still = await heightsBeforeAndAfterData(width, { static: true });
      expect(still[2].moving).to.equal(false);
      localStorage.setItem(PAUSED_KEY, '1');
      const paused = await heightsBeforeAndAfterData(width);
      expect(paused[2].moving).to.equal(false);
      localStorage.removeItem(PAUSED_KEY);
      const reduced = (await reducedMotion('reduce')) ? await heightsBeforeAndAfterData(width) : undefined;
      for (const [name, [before, after]] of Object.entries({ moving, still, paused, ...(reduced && { reduced }) })) {
        expect(after, `${name}: the band as tall with its data as before`).to.be.closeTo(before, 0.5);
        expect(before, `${name}: one line`).to.be.below(45);
      }
    });
  }

  it('still text that does not fit: one line, an ellipsis and "Xem thêm" (static, remembered pause, reduced motion)', async () => {
    const text = html`<span>${WELCOME}</span><a href="/dai-hoi.html">Xem chi tiết</a>`;
    await expectFoldedWithMore(await fixture<PortalBanner>(html`<portal-banner static style="inline-size: 412px">${text}</portal-banner>`));
    localStorage.setItem(PAUSED_KEY, '1');
    const paused = await fixture<PortalBanner>(html`<portal-banner style="inline-size: 412px">${text}</portal-banner>`);
    await paused.updateComplete;
    expect(shadow(paused).querySelector('[part="banner"]')!.firstElementChild!.getAttribute('part'), 'the play button stays first').to.equal('pause-button');
    await expectFoldedWithMore(paused);
    localStorage.removeItem(PAUSED_KEY);
    if (await reducedMotion('reduce')) await expectFoldedWithMore(await fixture<PortalBanner>(html`<portal-banner style="inline-size: 412px">${text}</portal-banner>`));
  });

  it('still text that fits shows no "Xem thêm"; it comes when the band narrows', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner static style="inline-size: 1366px"><span>Chào mừng</span></portal-banner>`);
    await el.updateComplete;
    const more = $<HTMLButtonElement>(el, '[part="expand-button"]')!;
    expect(more.hidden).to.equal(true);
    el.style.inlineSize = '60px';
    await until(() => !more.hidden, 2000, '"Xem thêm" once the text is cut');
  });

  it('watches its band once, not on every render, and again once moved to another place in the page', async () => {
    const observe = ResizeObserver.prototype.observe;
    const watched: Element[] = [];
    ResizeObserver.prototype.observe = function (this: ResizeObserver, target: Element, options?: ResizeObserverOptions) {
      watched.push(target);
      observe.call(this, target, options);
    };
    try {
      const el = await fixture<PortalBanner>(html`<portal-banner static style="inline-size: 1366px"><span>Chào mừng</span></portal-banner>`);
      await el.updateComplete;
      expect(watched, 'the track and its viewport').to.deep.equal([$(el, '.track'), $(el, '.viewport')]);
      const more = $<HTMLButtonElement>(el, '[part="expand-button"]')!;
      el.append(Object.assign(document.createElement('span'), { textContent: 'Hai' }));
      await until(() => $(el, '.run')!.textContent!.includes('Hai'), 2000, 'new child');
      el.speed = 40;
      await el.updateComplete;
      expect(watched, 'renders with the same band watch nothing more').to.have.length(2);
      expect(more.hidden).to.equal(true);
      el.parentElement!.parentElement!.append(el);
      await el.updateComplete;
      expect(watched, 'watched again after the move').to.have.length(4);
      el.style.inlineSize = '60px';
      await until(() => !more.hidden, 2000, '"Xem thêm" once the text is cut, after the move');
    } finally {
      ResizeObserver.prototype.observe = observe;
    }
  });

  it('a focused link in folded text unfolds it, so it is in view', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner static style="inline-size: 320px"><span>${WELCOME}</span><a href="/dai-hoi.html">Xem chi tiết</a></portal-banner>`);
    await el.updateComplete;
    const link = $<HTMLAnchorElement>(el, '.run a')!;
    link.focus();
    const box = link.getBoundingClientRect();
    const viewport = $(el, '.viewport')!.getBoundingClientRect();
    expect(box.left).to.be.at.least(viewport.left - 1);
    expect(box.right).to.be.at.most(viewport.right + 1);
    expect(box.bottom).to.be.at.most(viewport.bottom + 1);
  });

  it('never moves with static', async () => {
    const still = await fixture<PortalBanner>(html`<portal-banner static><span>${WELCOME}</span></portal-banner>`);
    await still.updateComplete;
    expect($(still, '[part="pause-button"]')).to.equal(null);
    expect($$(still, '.run')).to.have.length(1);
    expect(track(still).animationName).to.equal('none');
    expect($(still, '.run')!.textContent!.trim()).to.equal(WELCOME);
  });

  it('speed sets the duration in px/s', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner speed="100"><span>${WELCOME}</span></portal-banner>`);
    await el.updateComplete;
    const width = $(el, '.run')!.offsetWidth;
    expect($(el, '.track')!.style.getPropertyValue('--_duration')).to.equal(`${(width / 100).toFixed(2)}s`);
  });

  it('follows changes to its children', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner><span>Một</span></portal-banner>`);
    await el.updateComplete;
    el.append(Object.assign(document.createElement('span'), { textContent: 'Hai' }));
    await until(() => $(el, '.run')!.textContent!.includes('Hai'), 2000, 'new child');
  });

  it('reads a portal-banner/1 document: only messages in their period, bad ones skipped with a warning', async () => {
    let el!: PortalBanner;
    const warnings = await captureWarnings(async () => {
      el = await fixture<PortalBanner>(html`<portal-banner src=${docUrl('banner.json', { key: uniqueKey() })}><span>Chào mừng</span></portal-banner>`);
      await settled(el);
    });
    expect([...$(el, '.run')!.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([
      WELCOME,
      'Chào mừng kỷ niệm 49 năm Ngày giải phóng Thừa Thiên Huế',
      'Liên kết độc hại vẫn hiện chữ',
    ]);
    expect($$<HTMLAnchorElement>(el, '.run a').map((a) => a.getAttribute('href'))).to.deep.equal([new URL('/tin-tuc/giai-phong.html', location.href).href]);
    expect(shadow(el).innerHTML).not.to.include('javascript:');
    for (const w of ['messages[4].url: URL not allowed', 'messages[5].text: missing', 'messages[6].start: not a date'])
      expect(warnings.filter((x) => x.includes(w)), w).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('uses <meta name="portal-widgets:banner"> when it has no src, children as fallback while loading', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'portal-widgets:banner', content: docUrl('banner.json', { key: uniqueKey(), fault: 'slow', ms: 400 }) });
    document.head.append(meta);
    try {
      const el = await fixture<PortalBanner>(html`<portal-banner><span>Chào mừng</span></portal-banner>`);
      expect($(el, '[part="skeleton"]')).to.exist;
      expect($<HTMLSlotElement>(el, 'slot')!.assignedElements()[0].textContent).to.equal('Chào mừng');
      await expect(el).to.be.accessible();
      await settled(el);
      expect($(el, '.run')!.textContent).to.include('Chào mừng kỷ niệm 49 năm');
    } finally {
      meta.remove();
    }
  });

  const bad: [string, Record<string, string | number>, RegExp][] = [
    ['banner-v2.json', {}, /Phiên bản định dạng này không được hỗ trợ\./],
    ['banner-wrong.json', {}, /Không tải được thông báo: Địa chỉ này không phải danh sách thông báo hợp lệ\./],
    ['links.json', {}, /không phải danh sách thông báo hợp lệ\./],
    ['banner.json', { fault: '500' }, /Máy chủ trả lỗi\./],
    ['banner.json', { fault: 'html' }, /không phải danh sách thông báo hợp lệ\./],
  ];
  for (const [file, params, message] of bad) {
    it(`explains ${file} ${params.fault ?? ''} and keeps the children`, async () => {
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      window.addEventListener('error', onError);
      const el = await fixture<PortalBanner>(html`<portal-banner src=${docUrl(file, { key: uniqueKey(), ...params })}><span>Chào mừng</span></portal-banner>`);
      await until(() => !!$(el, '[part="error"]'), 8000, 'error');
      window.removeEventListener('error', onError);
      expect(errorText(el)).to.match(message);
      expect(errorText(el), 'developer detail stays off screen').not.to.match(/\(|HTTP \d|version:|not an/);
      expect($(el, '[part="retry"]')).to.exist;
      expect($<HTMLSlotElement>(el, 'slot')!.assignedElements()[0].textContent).to.equal('Chào mừng');
      expect(errors).to.deep.equal([]);
    });
  }

  it('says "not a valid list of announcements" in English for a wrong document', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner lang="en" src=${docUrl('links.json', { key: uniqueKey() })}></portal-banner>`);
    await until(() => !!$(el, '[part="error"]'), 8000, 'error');
    expect(errorText(el)).to.match(/Could not load the announcements: This address is not a valid list of announcements\./);
  });

  it('src="javascript:…" is a configuration error, not "blocked"', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner src="javascript:alert(1)"></portal-banner>`);
    await until(() => !!$(el, '[part="error"]'), 3000, 'error');
    expect(errorText(el)).to.match(/Cấu hình tiện ích chưa đúng\./);
  });

  for (const src of ['javascript:alert(1)', '', 'ftp://x']) {
    it(`src="${src}" with children: the configuration error, the children below it as fallback`, async () => {
      const el = await fixture<PortalBanner>(html`<portal-banner src=${src}><span>Chào mừng</span></portal-banner>`);
      await until(() => !!$(el, '[part="error"]'), 3000, 'error');
      expect(errorText(el)).to.match(/Cấu hình tiện ích chưa đúng\./);
      expect($<HTMLSlotElement>(el, 'slot')!.assignedElements()[0].textContent).to.equal('Chào mừng');
      expect($(el, '[part="banner"]'), 'the children are no banner of their own').to.equal(null);
      el.lang = 'en';
      await el.updateComplete;
      expect(errorText(el)).to.match(/^Could not load the announcements: The widget is not set up correctly\./);
    });
  }

  it('without src, meta or children: a configuration error', async () => {
    const el = await fixture<PortalBanner>(html`<portal-banner></portal-banner>`);
    await until(() => !!$(el, '[part="error"]'), 3000, 'error');
    expect(errorText(el)).to.match(/Cấu hình tiện ích chưa đúng\./);
  });

  it('is accessible loading, empty, in error, moving and paused, in vi and en', async () => {
    for (const lang of ['vi', 'en']) {
      const loading = await fixture<PortalBanner>(html`<portal-banner lang=${lang} src=${docUrl('banner.json', { key: uniqueKey(), fault: 'slow', ms: 600 })}></portal-banner>`);
      await expect(loading).to.be.accessible();
      const empty = await fixture<PortalBanner>(html`<portal-banner lang=${lang} src=${docUrl('banner-empty.json', { key: uniqueKey() })}></portal-banner>`);
      await until(() => !$(empty, '[part="skeleton"]'), 5000, 'empty');
      expect($(empty, '[part="banner"]')).to.equal(null); // nothing to welcome: the banner folds away
      await expect(empty).to.be.accessible();
      const failed = await fixture<PortalBanner>(html`<portal-banner lang=${lang} src=${docUrl('banner.json', { key: uniqueKey(), fault: '404' })}></portal-banner>`);
      await until(() => !!$(failed, '[part="error"]'), 5000, 'error');
      await expect(failed).to.be.accessible();
      const moving = await fixture<PortalBanner>(html`<portal-banner lang=${lang} src=${docUrl('banner.json', { key: uniqueKey() })}></portal-banner>`);
      await settled(moving);
      expect($(moving, '[part="pause-button"]')!.textContent!.trim()).to.include(lang === 'vi' ? 'Dừng chữ chạy' : 'Stop scrolling');
      await expect(moving).to.be.accessible();
      $<HTMLButtonElement>(moving, '[part="pause-button"]')!.click();
      await moving.updateComplete;
      await expect(moving).to.be.accessible();
      localStorage.removeItem(PAUSED_KEY);
    }
  });
});
