// Storybook's own Vite config: the library build settings of ../vite.config.ts do not apply here.
import { defineConfig, type Plugin } from 'vite';

/**
 * package.json's "sideEffects" names only the built files, so a bundler would
 * drop the define() calls of src/components/<name>/<name>.ts from the static
 * Storybook. The preview imports the sources: they keep their side effects here.
 */
const sourcesHaveSideEffects: Plugin = {
  name: 'portal-sources-have-side-effects',
  transform(code, id) {
    return /\/src\/.*\.ts$/.test(id) ? { code, moduleSideEffects: true, map: null } : undefined;
  },
};

export default defineConfig({
  plugins: [sourcesHaveSideEffects],
  // Storybook's own docs renderer and axe are large; that is not what readers download.
  build: { chunkSizeWarningLimit: 2000 },
});
