/**
 * npm build: one ESM file per widget entry (lit, @lit/task, date-fns and
 * DOMPurify stay external: the app that installs us dedupes them), shared code
 * in chunks. The CDN bundle is built by vite.cdn.config.ts.
 */
import { defineConfig } from 'vite';
import { cssLiteralsVitePlugin } from './scripts/minify-css-literals.js';
import { entries } from './scripts/entries.js';

export default defineConfig({
  plugins: [cssLiteralsVitePlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^date-fns($|\/)/, /^dompurify$/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
