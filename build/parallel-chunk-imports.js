/**
 * For the CDN loader: `import("./news-list-….js")` becomes an import of that
 * chunk and of every chunk it imports statically, all at once, so the browser
 * fetches a widget's chunks in parallel instead of discovering them one level
 * at a time (loader → widget → Lit and core). The module graph still evaluates
 * them in order. Vite's own preload helper is not used in library mode.
 */
export const parallelChunkImports = () => ({
  name: 'parallel-chunk-imports',
  generateBundle(_, bundle) {
    const deps = (file, seen = new Set()) => {
      for (const i of bundle[file]?.imports ?? []) if (!seen.has(i)) deps(i, seen.add(i));
      return seen;
    };
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
      chunk.code = chunk.code.replace(/\bimport\((["'`])\.\/([^"'`]+\.js)\1\)/g, (call, _q, file) => {
        const all = [...deps(file)].filter((d) => d !== file);
        return all.length ? `Promise.all([${[file, ...all].map((f) => `import("./${f}")`).join(',')}]).then(m=>m[0])` : call;
      });
    }
  },
});
