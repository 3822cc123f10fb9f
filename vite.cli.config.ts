/**
 * The feed checker CLI (`portal-widgets validate`, package.json "bin") for
 * Node 20+: src/cli with the src/core parsers it reuses, as plain ESM in
 * dist/cli. @xmldom/xmldom stays a dependency, imported only for RSS/Atom.
 * dist/cli/xml-dom.js is also `portal-widgets/node-dom`, the hub's DOMParser.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { 'portal-widgets': 'src/cli/portal-widgets.ts', 'xml-dom': 'src/cli/xml-dom.ts' },
      external: [/^node:/, /^@xmldom\//],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        banner: (chunk) => (chunk.name === 'portal-widgets' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
