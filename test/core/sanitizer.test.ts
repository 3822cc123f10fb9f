import { expect } from '@open-wc/testing';
import { sanitize } from '../../src/core/sanitizer.js';

/** The article's way in: the sanitizer module, imported on demand. */
const sanitizeHtml = async (html: string, base?: string) => sanitize(html, base);

const BASE = 'https://example.gov.vn/bai-viet/tin-1.html';
const clean = async (html: string) => {
  const div = document.createElement('div');
  div.append(await sanitizeHtml(html, BASE));
  return div;
};

describe('sanitizeHtml (DOMPurify with the article allow-list)', () => {
  it('returns a DocumentFragment and keeps ordinary article HTML', async () => {
    expect(await sanitizeHtml('<p>x</p>', BASE)).to.be.instanceOf(DocumentFragment);
    const article =
      '<h2>Tiêu đề</h2><p>Đoạn <em>một</em> <strong>hai</strong><br>ba</p><hr><ul><li>a</li></ul><ol start="3"><li>b</li></ol>' +
      '<table><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>' +
      '<figure><img src="/anh.jpg" alt="Ảnh" width="640" height="360"><figcaption>Chú thích</figcaption></figure>' +
      '<blockquote cite="/nguon">Trích</blockquote><p><a href="/tin-tuc">tin</a> <a href="mailto:a@b.vn">thư</a> <a href="tel:0234">gọi</a></p>';
    const div = await clean(article);
    for (const tag of ['h2', 'p', 'em', 'strong', 'br', 'hr', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'img', 'figcaption', 'blockquote', 'a'])
      expect(div.querySelector(tag), tag).to.exist;
    expect(div.querySelector('img')!.getAttribute('src')).to.equal('https://example.gov.vn/anh.jpg');
    expect(div.querySelector('img')!.getAttribute('alt')).to.equal('Ảnh');
    expect(div.querySelector('blockquote')!.getAttribute('cite')).to.equal('https://example.gov.vn/nguon');
    expect([...div.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.gov.vn/tin-tuc',
      'mailto:a@b.vn',
      'tel:0234',
    ]);
  });

  it('gives an empty fragment, never null, for HTML that makes no body (a frameset)', async () => {
    const fragment = await sanitizeHtml('<frameset><frame src="/x"></frameset>', BASE);
    expect(fragment).to.be.instanceOf(DocumentFragment);
    expect(fragment.childNodes.length).to.equal(0);
  });

  it('removes script, style, frames, plug-ins, forms, SVG and MathML, with their content', async () => {
    const div = await clean(
      '<p>ok</p><script>alert(1)</script><style>p{}</style><iframe src="/x"></iframe><object data="/x">o</object><embed src="/x">' +
        '<form action="/x"><input name="q"><textarea>t</textarea><select><option>s</option></select><button>b</button></form>' +
        '<svg><a href="/x"><text>svg</text></a></svg><math><mi>m</mi></math><noscript>n</noscript><template>tpl</template>',
    );
    expect(div.innerHTML).to.equal('<p>ok</p>');
  });

  it('removes every event handler and javascript:, data:, vbscript: URLs', async () => {
    const div = await clean(
      '<p onclick="alert(1)" onmouseover="alert(1)" style="color:red" id="x" class="c" data-x="1" aria-hidden="true">p</p>' +
        '<img src="data:image/png;base64,AAAA" onerror="alert(1)" alt="">' +
        '<a href="javascript:alert(1)">j</a><a href=" JaVa\tScRiPt:alert(1)">j2</a><a href="&#106;avascript:alert(1)">j3</a>' +
        '<a href="vbscript:msgbox(1)">v</a><a href="data:text/html,x">d</a><img src="javascript:alert(1)">',
    );
    const attrs = [...div.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${el.localName}[${a.name}=${a.value}]`));
    expect(attrs).to.deep.equal(['img[alt=]', 'img[loading=lazy]', 'img[decoding=async]', 'img[loading=lazy]', 'img[decoding=async]']);
  });

  it('gives new-tab links rel="noopener noreferrer" and loads images lazily', async () => {
    const div = await clean('<a href="https://tinhuytthue.vn/" target="_top" rel="opener">n</a><a href="/a">s</a><img src="/a.jpg" alt="a">');
    const [newTab, same] = div.querySelectorAll('a');
    expect([newTab.target, newTab.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    expect([same.hasAttribute('target'), same.hasAttribute('rel')]).to.deep.equal([false, false]);
    expect([div.querySelector('img')!.loading, div.querySelector('img')!.decoding]).to.deep.equal(['lazy', 'async']);
  });
});
