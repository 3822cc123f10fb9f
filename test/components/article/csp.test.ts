/**
 * A list and an article under `Content-Security-Policy: default-src 'self';
 * script-src 'self'; style-src 'self'; require-trusted-types-for 'script';
 * trusted-types lit-html dompurify`, in a frame: no violation.
 */
import { expect } from '@open-wc/testing';
import { docUrl, framedReport, uniqueKey } from '../../helpers.js';

interface Report {
  violations: string[];
  control: string[];
  errors: string[];
  rendered: { listItems: number; title: string; bodyElements: number; relatedItems: number; larger: string; fontSize: string } | null;
}

describe('strict CSP and Trusted Types', function () {
  this.timeout(30000);

  it('renders a news list and an HTML article without a violation', async () => {
    const feed = docUrl('article.json', { key: uniqueKey('csp') });
    const page = `/test-api/csp-page?${new URLSearchParams({ feed, item: 'tin-200' })}`;
    const header = (await fetch(page)).headers.get('content-security-policy');
    expect(header).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html dompurify",
    );

    const r = await framedReport<Report>(page, 'csp-page');
    console.log(`CSP page: ${r.violations.length} violations, ${r.errors.length} errors; rendered ${JSON.stringify(r.rendered)}; control: ${r.control.join(' | ')}`);
    expect(r.errors).to.deep.equal([]);
    expect(r.violations).to.deep.equal([]);
    expect(r.rendered).to.include({ title: 'Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024', larger: 'size-2' });
    expect(r.rendered!.listItems).to.equal(4);
    expect(r.rendered!.relatedItems).to.equal(5);
    expect(r.rendered!.bodyElements).to.be.above(10);
    // The listener works: the deliberate innerHTML was reported.
    expect(r.control.some((v) => v.startsWith('require-trusted-types-for'))).to.equal(true);
  });
});
