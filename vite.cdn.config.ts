/**
 * The CDN build, minified, for a plain `<script type="module" src=".../portal-widgets.js">`:
 * that file is a small loader (src/cdn.ts) that imports each widget's chunk when
 * its tag appears; Lit and the shared core are chunks the widgets share. The
 * sanitizer stays a chunk of its own, fetched only when an article has HTML.
 * The manifest (.vite/manifest.json) lets the size check follow the imports.
 */
import { defineConfig } from 'vite';
import { cssLiteralsVitePlugin } from './build/minify-css-literals.js';
import { parallelChunkImports } from './build/parallel-chunk-imports.js';

export default defineConfig({
  plugins: [cssLiteralsVitePlugin(), parallelChunkImports()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Names each chunk's static imports, so the size check counts what the file loads at once.
    manifest: true,
    lib: { entry: { 'portal-widgets': 'src/cdn.ts' }, formats: ['es'] },
    // Library mode leaves ES output unminified (2,992 indented lines): minify it here.
    rolldownOptions: { output: { chunkFileNames: '[name]-[hash].js', minify: true } },
  },
});
