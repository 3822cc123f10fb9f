/**
 * The hub's build: hub/src as plain ESM for Node 20 in hub/dist (the bin is
 * dist/main.js). Every package stays external: the widget package's readers
 * come from `portal-widgets/core`, installed beside it.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'src/main.ts',
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: (id) => !id.startsWith('.') && !id.startsWith('/'),
      output: { format: 'es', entryFileNames: 'main.js', banner: '#!/usr/bin/env node' },
    },
  },
});
