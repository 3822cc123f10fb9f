/**
 * npm build: one ESM file per widget entry (lit and DOMPurify stay
 * external: the app that installs us dedupes them), shared code in chunks. The
 * CDN bundle is built by vite.cdn.config.ts.
 *
 * Each widget's tag is defined in its own entry file (dist/<name>.js), never in
 * a shared chunk: `index.js` and any widget that uses another (the article's
 * related list) import that widget's entry, so package.json's `sideEffects`
 * can name exactly the files that define tags.
 */
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { entries } from './build/entries.js';
import { cssLiteralsVitePlugin } from './build/minify-css-literals.js';

const WIDGET = 'portal-widget:';

function widgetEntriesExternal(): Plugin {
  return {
    name: 'widget-entries-external',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const file = path.resolve(path.dirname(importer), source).replace(/\.js$/, '.ts');
      const match = /[\\/]src[\\/]components[\\/]([^\\/]+)[\\/]\1\.ts$/.exec(file);
      return match ? { id: WIDGET + match[1], external: true } : null;
    },
  };
}

export default defineConfig({
  plugins: [widgetEntriesExternal(), cssLiteralsVitePlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^dompurify$/],
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        paths: (id) => (id.startsWith(WIDGET) ? `./${id.slice(WIDGET.length)}.js` : id),
      },
    },
  },
});
