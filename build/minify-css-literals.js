// Collapses white space and comments inside Lit css`` literals (and line breaks in html`` ones) at build time:
// the shipped styles then cost only their rules. Applied by the npm and CDN
// builds (vite plugin) and by the size check (esbuild plugin), to src/ only.
import { readFile } from 'node:fs/promises';
import { minifyHtmlLiterals } from './minify-html-literals.js';

/** Comments and quoted strings: a comment goes, a string stays as written. */
const COMMENT_OR_STRING = /\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g;

/**
 * Minifies CSS text: comments removed, white space collapsed, and dropped only
 * where it can mean nothing: around `{ } ; ,` and `>`, and after `:`. Never
 * before `:` (`a :hover`, any hovered element inside an `a`, is not `a:hover`),
 * never around `+`/`-` (`calc(1px + 2px)` needs them), never inside a string.
 */
export function minifyCss(css) {
  let out = '';
  let plain = ''; // the text since the last string, each comment as a space
  let last = 0;
  for (const m of css.matchAll(COMMENT_OR_STRING)) {
    const comment = m[0].startsWith('/*');
    plain += css.slice(last, m.index) + (comment ? ' ' : '');
    last = m.index + m[0].length;
    if (!comment) {
      out += squeeze(plain) + m[0];
      plain = '';
    }
  }
  return (out + squeeze(plain + css.slice(last))).trim();
}

const squeeze = (text) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');

/** Minifies every css`…` literal in `code` that has no ${} interpolation. */
export function minifyCssLiterals(code) {
  return code.replace(/\bcss`([^`$]*)`/g, (_, body) => 'css`' + minifyCss(body) + '`');
}

const isSource = (id) => /[\\/]src[\\/].*\.ts$/.test(id);

/** Both: css`` literals minified, html`` literals' line breaks and indents collapsed. */
const minifyLiterals = (code, id) => minifyCssLiterals(code.includes('html`') ? minifyHtmlLiterals(code, id) : code);

export const cssLiteralsVitePlugin = () => ({
  name: 'minify-css-literals',
  transform(code, id) {
    return isSource(id) && /\b(css|html)`/.test(code) ? { code: minifyLiterals(code, id), map: null } : null;
  },
});

export const cssLiteralsEsbuildPlugin = () => ({
  name: 'minify-css-literals',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyLiterals(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
});
