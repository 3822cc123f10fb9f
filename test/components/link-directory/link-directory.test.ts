import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/link-directory/link-directory.js';
import type { PortalLinkDirectory } from '../../../src/components/link-directory/link-directory.component.js';
import { captureWarnings, docUrl, nextEvent, resetFeeds, uniqueKey, until } from '../../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...shadow(el).querySelectorAll<T>(sel)];
const errorText = (el: Element) => $(el, '[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function settled(el: PortalLinkDirectory) {
  await until(() => !!$(el, '[part~="group"], [part="empty"], [part="error"]'), 8000, 'links');
  await el.updateComplete;
}

/** Records what a link click would open instead of opening it. */
async function captureOpen(fn: () => void): Promise<{ href: string; target: string; rel: string } | undefined> {
  let opened: { href: string; target: string; rel: string } | undefined;
  const original = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    opened = { href: this.href, target: this.target, rel: this.rel };
  };
  try {
    fn();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  return opened;
}

describe('<portal-link-directory>', () => {
  beforeEach(resetFeeds);

  it('select mode: one labelled <select> per group, skipping bad links with one warning each', async () => {
    let el!: PortalLinkDirectory;
    const warnings = await captureWarnings(async () => {
      el = await fixture<PortalLinkDirectory>(html`<portal-link-directory src=${docUrl('links.json', { key: uniqueKey() })}></portal-link-directory>`);
      await settled(el);
    });
    const selects = $$<HTMLSelectElement>(el, 'select');
    expect(selects).to.have.length(3);
    expect(selects.map((s) => s.labels[0].textContent)).to.deep.equal(['Tỉnh ủy, UBND tỉnh', 'Sở, ban, ngành', 'Huyện, thị xã, thành phố']);
    expect([...selects[0].options].map((o) => o.text)).to.deep.equal(['— Chọn liên kết —', 'Tỉnh ủy Thừa Thiên Huế', 'UBND tỉnh Thừa Thiên Huế']);
    expect($$(el, '[part="go-button"]').map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Đi: Tỉnh ủy, UBND tỉnh (mở trong thẻ mới)',
      'Đi: Sở, ban, ngành (mở trong thẻ mới)',
      'Đi: Huyện, thị xã, thành phố (mở trong thẻ mới)',
    ]);
    expect(warnings.filter((w) => w.includes('groups[0].links[2].url: URL not allowed'))).to.have.length(1);
    expect(warnings.filter((w) => w.includes('groups[3].links: not an array'))).to.have.length(1);
    expect(shadow(el).innerHTML).not.to.include('javascript:');
    expect($(el, '[part="filter"]')).to.equal(null); // 9 links: no filter box
  });

  it('choosing an option never navigates; "Đi" opens it in a new tab with rel="noopener noreferrer"', async () => {
    const el = await fixture<PortalLinkDirectory>(html`<portal-link-directory src=${docUrl('links.json', { key: uniqueKey() })}></portal-link-directory>`);
    await settled(el);
    const select = $$<HTMLSelectElement>(el, 'select')[1];
    let selected = 0;
    el.addEventListener('portal-select', () => selected++);
    const onChange = await captureOpen(() => {
      select.selectedIndex = 1;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      select.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onChange).to.equal(undefined);
    expect(selected).to.equal(0);
    const event = nextEvent<{ link: { url: string }; group: string }>(el, 'portal-select');
    const opened = await captureOpen(() => $$(el, '[part="go-button"]')[1].click());
    expect(opened).to.deep.equal({ href: 'https://stttt.thuathienhue.gov.vn/', target: '_blank', rel: 'noopener noreferrer' });
    expect((await event).detail).to.deep.include({ group: 'Sở, ban, ngành' });
    // tel: stays in this tab; nothing chosen sends focus back to the drop-down.
    select.selectedIndex = 2;
    expect(await captureOpen(() => $$(el, '[part="go-button"]')[1].click())).to.deep.equal({ href: 'tel:+842343822222', target: '', rel: '' });
    select.selectedIndex = 0;
    expect(await captureOpen(() => $$(el, '[part="go-button"]')[1].click())).to.equal(undefined);
    expect(shadow(el).activeElement).to.equal(select);
  });

  it('target="_self" opens in this tab; a cancelled portal-select opens nothing', async () => {
    const el = await fixture<PortalLinkDirectory>(html`<portal-link-directory target="_self" src=${docUrl('links.json', { key: uniqueKey() })}></portal-link-directory>`);
    await settled(el);
    const select = $$<HTMLSelectElement>(el, 'select')[2];
    select.selectedIndex = 1;
    expect(await captureOpen(() => $$(el, '[part="go-button"]')[2].click())).to.deep.equal({ href: 'https://huecity.gov.vn/', target: '', rel: '' });
    el.addEventListener('portal-select', (e) => e.preventDefault(), { once: true });
    expect(await captureOpen(() => $$(el, '[part="go-button"]')[2].click())).to.equal(undefined);
  });

  it('list mode: headed groups of links; web links open in a new tab with rel', async () => {
    const el = await fixture<PortalLinkDirectory>(html`<portal-link-directory mode="list" src=${docUrl('links.json', { key: uniqueKey() })}></portal-link-directory>`);
    await settled(el);
    expect($$(el, '[role="heading"]').map((h) => [h.textContent!.trim(), h.getAttribute('aria-level')])).to.deep.equal([
      ['Tỉnh ủy, UBND tỉnh', '3'],
      ['Sở, ban, ngành', '3'],
      ['Huyện, thị xã, thành phố', '3'],
    ]);
    const links = $$<HTMLAnchorElement>(el, 'a[part="link"]');
    expect(links).to.have.length(7);
    expect(links[0].getAttribute('href')).to.equal('https://tinhuythuathienhue.vn/');
    expect(links[0].target).to.equal('_blank');
    expect(links[0].rel).to.equal('noopener noreferrer');
    const tel = links.find((a) => a.href.startsWith('tel:'))!;
    expect(tel.hasAttribute('target')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('above 20 links: a filter box, Vietnamese-aware, announcing the count', async () => {
    for (const mode of ['select', 'list']) {
      const el = await fixture<PortalLinkDirectory>(html`<portal-link-directory mode=${mode} src=${docUrl('links-many.json', { key: uniqueKey() })}></portal-link-directory>`);
      await settled(el);
      const input = $<HTMLInputElement>(el, '[part="filter"]')!;
      expect(input.labels![0].textContent!.trim()).to.equal('Lọc liên kết');
      input.value = 'thi xa HUONG';
      input.dispatchEvent(new Event('input'));
      await until(() => $(el, '[part="status"]')!.textContent === '2 liên kết', 3000, 'filter');
      const names = mode === 'select' ? $$<HTMLOptionElement>(el, 'option:not([value=""])').map((o) => o.text) : $$(el, 'a').map((a) => a.textContent!.replace(/\s*\(.*\)$/, ''));
      expect(names).to.deep.equal(['Thị xã Hương Thủy', 'Thị xã Hương Trà']);
      // A group title matches all of its links.
      input.value = 'SO, BAN';
      input.dispatchEvent(new Event('input'));
      await until(() => $(el, '[part="status"]')!.textContent === '18 liên kết', 3000, 'group filter');
      input.value = 'không có';
      input.dispatchEvent(new Event('input'));
      await until(() => !!$(el, '[part="empty"]'), 3000, 'no match');
      expect($(el, '[part="empty"]')!.textContent).to.equal('Không có liên kết phù hợp');
      await expect(el).to.be.accessible();
    }
  });

  it('uses <meta name="portal-widgets:links"> when it has no src', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'portal-widgets:links', content: docUrl('links.json', { key: uniqueKey() }) });
    document.head.append(meta);
    try {
      const el = await fixture<PortalLinkDirectory>(html`<portal-link-directory></portal-link-directory>`);
      await settled(el);
      expect($$(el, 'select')).to.have.length(3);
    } finally {
      meta.remove();
    }
  });

  const bad: [string, Record<string, string | number>, RegExp][] = [
    ['links-v2.json', {}, /Phiên bản định dạng này không được hỗ trợ\./],
    ['links-wrong.json', {}, /Không tải được liên kết: Địa chỉ này không phải danh sách liên kết hợp lệ\./],
    ['news.json', {}, /Địa chỉ này không phải danh sách liên kết hợp lệ\./],
    ['links.json', { fault: '404' }, /Không tải được liên kết: Máy chủ trả lỗi\./],
    ['links.json', { fault: 'malformed' }, /Dữ liệu bị hỏng/],
  ];
  for (const [file, params, message] of bad) {
    it(`explains ${file} ${params.fault ?? ''}, keeps the fallback and offers a retry`, async () => {
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      window.addEventListener('error', onError);
      const el = await fixture<PortalLinkDirectory>(
        html`<portal-link-directory src=${docUrl(file, { key: uniqueKey(), ...params })}><a href="/lien-ket">Liên kết website</a></portal-link-directory>`,
      );
      await settled(el);
      window.removeEventListener('error', onError);
      expect(errorText(el)).to.match(message);
      expect(errorText(el), 'developer detail stays off screen').not.to.match(/\(|HTTP \d|version:|not an/);
      expect($(el, '[part="retry"]')).to.exist;
      expect($<HTMLSlotElement>(el, 'slot')!.assignedElements()[0].textContent).to.equal('Liên kết website');
      expect(errors).to.deep.equal([]);
    });
  }

  it('says "not a valid list of links" in English for a wrong document', async () => {
    const el = await fixture<PortalLinkDirectory>(html`<portal-link-directory lang="en" src=${docUrl('news.json', { key: uniqueKey() })}></portal-link-directory>`);
    await settled(el);
    expect(errorText(el)).to.match(/Could not load the links: This address is not a valid list of links\./);
  });

  for (const src of ['javascript:alert(1)', 'file:///etc/passwd', 'data:application/json,{}'])
    it(`src="${src}" is a configuration error ("src: not http(s)"), not "blocked"`, async () => {
      let el!: PortalLinkDirectory;
      const warnings = await captureWarnings(async () => {
        el = await fixture<PortalLinkDirectory>(html`<portal-link-directory src=${src}><a href="/lien-ket">Liên kết website</a></portal-link-directory>`);
        await settled(el);
      });
      expect(errorText(el)).to.match(/Cấu hình tiện ích chưa đúng\./);
      expect(warnings.filter((w) => w.includes('config: src: not http(s)'))).to.have.length(1, warnings.join('\n'));
    });

  for (const lang of ['vi', 'en'])
    it(`is accessible loading, empty, in error and loaded (${lang})`, async function () {
      this.timeout(40000); // axe is slow in Firefox
      const loading = await fixture<PortalLinkDirectory>(
        html`<portal-link-directory lang=${lang} src=${docUrl('links.json', { key: uniqueKey(), fault: 'slow', ms: 800 })}><a href="/lien-ket">Liên kết</a></portal-link-directory>`,
      );
      expect($(loading, '[part="skeleton"]')).to.exist;
      await expect(loading).to.be.accessible();
      for (const [file, params] of [['links.json', {}], ['links-empty.json', {}], ['links.json', { fault: '500' }], ['links-many.json', {}]] as const) {
        const el = await fixture<PortalLinkDirectory>(html`<portal-link-directory lang=${lang} src=${docUrl(file, { key: uniqueKey(), ...params })}></portal-link-directory>`);
        await settled(el);
        await expect(el).to.be.accessible();
      }
    });

  it('speaks English', async () => {
    const el = await fixture<PortalLinkDirectory>(html`<portal-link-directory lang="en" src=${docUrl('links.json', { key: uniqueKey() })}></portal-link-directory>`);
    await settled(el);
    expect($$<HTMLSelectElement>(el, 'select')[0].options[0].text).to.equal('— Choose a link —');
    expect($(el, '[part="go-button"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Go: Tỉnh ủy, UBND tỉnh (opens in a new tab)');
    const empty = await fixture<PortalLinkDirectory>(html`<portal-link-directory lang="en" .data=${{ groups: [], warnings: [] }}></portal-link-directory>`);
    await empty.updateComplete;
    expect($(empty, '[part="empty"]')!.textContent).to.equal('No links yet.');
  });
});
