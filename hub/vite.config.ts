/**
 * The hub's build: hub/src as plain ESM for Node 20 in hub/dist (the bin is
 * dist/main.js). Every package stays external: the widget package's readers
 * come from `portal-widgets/core`, installed beside it.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      // The parse worker is a file of its own (bounded-parse.ts starts it beside main.js).
      input: { main: 'src/main.ts', 'parse-worker': 'src/parse-worker.ts' },
      external: (id) => !id.startsWith('.') && !id.startsWith('/'),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', banner: (chunk) => (chunk.name === 'main' ? '#!/usr/bin/env node' : '') },
    },
  },
});
