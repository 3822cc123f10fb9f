// Collapses white space and comments inside Lit css`` literals at build time:
// the shipped styles then cost only their rules. Applied by the npm and CDN
// builds (vite plugin) and by the size check (esbuild plugin), to src/ only.
import { readFile } from 'node:fs/promises';

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

export const cssLiteralsVitePlugin = () => ({
  name: 'minify-css-literals',
  transform(code, id) {
    return isSource(id) && code.includes('css`') ? { code: minifyCssLiterals(code), map: null } : null;
  },
});

export const cssLiteralsEsbuildPlugin = () => ({
  name: 'minify-css-literals',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyCssLiterals(await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
});
