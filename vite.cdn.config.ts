/**
 * The CDN bundle: every widget with Lit inlined, minified, for a plain
 * `<script type="module" src=".../portal-widgets.js">`. The sanitizer stays a
 * separate chunk beside it, fetched only when an article has HTML.
 */
import { defineConfig } from 'vite';
import { cssLiteralsVitePlugin } from './build/minify-css-literals.js';

export default defineConfig({
  plugins: [cssLiteralsVitePlugin()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Names each chunk's static imports, so the size check counts what the file loads at once.
    manifest: true,
    lib: { entry: { 'portal-widgets': 'src/index.ts' }, formats: ['es'] },
    // Library mode leaves ES output unminified (2,992 indented lines): minify it here.
    rolldownOptions: { output: { chunkFileNames: '[name]-[hash].js', minify: true } },
  },
});
