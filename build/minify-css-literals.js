// Collapses white space and comments inside Lit css`` literals at build time:
// the shipped styles then cost only their rules. Applied by the npm and CDN
// builds (vite plugin) and by the size check (esbuild plugin), to src/ only.
import { readFile } from 'node:fs/promises';

/** Minifies every css`…` literal in `code` that has no ${} interpolation. */
export function minifyCssLiterals(code) {
  return code.replace(/\bcss`([^`$]*)`/g, (_, body) => {
    const min = body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{}:;,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
    return 'css`' + min + '`';
  });
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
