/**
 * The build's CSS-literal minifier: it may drop only the white space and the
 * comments that mean nothing, so the shipped styles select and show exactly
 * what the source says.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyCssLiterals } from '../../build/minify-css-literals.js';

test('drops comments and the white space around { } ; , > and after :', () => {
  assert.equal(
    minifyCss(`
      /* the host */
      :host {
        display: block;
        color: var(--_x, red) ;
      }
      ul > li ,
      p { margin: 0 }`),
    ':host{display:block;color:var(--_x,red)}ul>li,p{margin:0}',
  );
});

test('keeps the descendant space before a pseudo-class: `a :hover` is not `a:hover`', () => {
  assert.equal(minifyCss('a :hover { color: red; }'), 'a :hover{color:red}');
  assert.equal(minifyCss('.list ::slotted(*) { margin: 0 }'), '.list ::slotted(*){margin:0}');
  assert.equal(minifyCss(':host(:hover) :focus-visible { outline: 2px solid }'), ':host(:hover) :focus-visible{outline:2px solid}');
});

test('keeps the spaces calc() needs and what strings hold', () => {
  assert.equal(minifyCss('p { width: calc(100% - 2 * 1rem); }'), 'p{width:calc(100% - 2 * 1rem)}');
  assert.equal(minifyCss(`p::before { content: ' : ;}  /* x */ , '; }`), `p::before{content:' : ;}  /* x */ , '}`);
  assert.equal(minifyCss('p::after { content: "a  >  b" }'), 'p::after{content:"a  >  b"}');
  // A quote inside a comment does not start a string.
  assert.equal(minifyCss("/* don't */ a { color: red }"), 'a{color:red}');
});

test('minifies css`` literals without interpolation and leaves the others', () => {
  const code = 'const a = css`\n  a :hover { color: red; }\n`;\nconst b = css`p { color: ${x}; }`;';
  assert.equal(minifyCssLiterals(code), 'const a = css`a :hover{color:red}`;\nconst b = css`p { color: ${x}; }`;');
});

test('html`` literals: a line break and its indent become one space, in every nested literal; other text stays', async () => {
  const { minifyHtmlLiterals } = await import('../../build/minify-html-literals.js');
  const source = [
    'const a = html`',
    '  <p>',
    "    ${x ? html`<b>\n  bold\n</b>` : '}`'}",
    '    <i>keep  two  spaces</i>',
    '  </p>`;',
    'const b = `',
    '  not html',
    '`; // the reader\'s ` in a comment',
    'const c = html`<pre>\n  ${1}</pre>`;',
  ].join('\n');
  assert.equal(
    minifyHtmlLiterals(source),
    [
      "const a = html` <p> ${x ? html`<b> bold </b>` : '}`'} <i>keep  two  spaces</i> </p>`;",
      'const b = `',
      '  not html',
      '`; // the reader\'s ` in a comment',
      'const c = html`<pre>\n  ${1}</pre>`;',
    ].join('\n'),
  );
});
