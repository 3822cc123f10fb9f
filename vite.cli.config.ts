/**
 * The feed checker CLI (`portal-widgets validate`, package.json "bin") for
 * Node 20+: src/cli with the src/core parsers it reuses, as plain ESM in
 * dist/cli. @xmldom/xmldom stays a dependency, imported only for RSS/Atom.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'src/cli/portal-widgets.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: [/^node:/, /^@xmldom\//],
      output: {
        format: 'es',
        entryFileNames: 'portal-widgets.js',
        chunkFileNames: '[name]-[hash].js',
        banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
