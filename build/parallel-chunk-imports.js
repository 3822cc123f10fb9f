/**
 * For the CDN build: every `import("./x.js")` of a chunk becomes an import of
 * that chunk and of every chunk it imports statically, all at once, so the
 * browser fetches them in parallel instead of discovering them one level at a
 * time (loader → widget → Lit and core). The module graph still evaluates them
 * in order. Vite's own preload helper is not used in library mode.
 *
 * `firstScreen` names lazy modules (source paths) that a page needs for its
 * first screen wherever they are reachable (the sanitizer of an article, the
 * JSON Feed reader of a news widget): when the entry imports a chunk that can
 * reach one (a widget, from the loader; the news reader, from the eager file), it
 * also imports that module's chunks, so they download beside that chunk rather
 * than after it has run, and the widget's own import() later finds the module
 * ready. Apart from the widget's Promise.all, with its failure ignored: a sanitizer
 * that cannot load must not keep the article from being defined (the article
 * shows its error). Before, a `<link rel="modulepreload">` helper in the loader did
 * this (fetched and compiled, not run): 0.11 KB gz more on every page, for the
 * few milliseconds of evaluating DOMPurify's module (its instance is made on first
 * use) a little earlier. URLs are the entry's own siblings, never anything the page controls.
 */

/** @param {{ firstScreen?: string[] }} [options] */
export const parallelChunkImports = ({ firstScreen = [] } = {}) => ({
  name: 'parallel-chunk-imports',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    /** The chunks `file` imports statically, transitively, itself included. */
    const staticClosure = (file, seen = new Set()) => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const i of bundle[file]?.imports ?? []) staticClosure(i, seen);
      return seen;
    };
    const chunkOf = new Map(chunks.flatMap((c) => Object.keys(c.modules).map((id) => [id, c.fileName])));
    const isFirstScreen = (id) => firstScreen.some((src) => id.replaceAll('\\', '/').endsWith(`/${src}`));
    // A renamed module would silently drop its preload: fail the build instead.
    for (const src of firstScreen)
      if (![...chunkOf.keys()].some((id) => id.replaceAll('\\', '/').endsWith(`/${src}`))) throw new Error(`parallel-chunk-imports: no module ${src} in the bundle`);
    /**
     * The chunks of the first-screen lazy modules that the modules `roots` can reach, with
     * their static imports, beyond `eager` (followed module by module, not chunk by chunk:
     * a chunk shared by widgets may hold a module that imports the news reader, which a
     * banner never calls).
     */
    const firstScreenOf = (roots, eager) => {
      const modules = new Set();
      const files = new Set();
      for (const queue = [...roots]; queue.length; ) {
        const info = this.getModuleInfo(queue.shift());
        if (!info || modules.has(info.id)) continue;
        modules.add(info.id);
        queue.push(...info.importedIds, ...info.dynamicallyImportedIds.filter(isFirstScreen));
        if (isFirstScreen(info.id)) for (const f of staticClosure(chunkOf.get(info.id))) if (!eager.has(f)) files.add(f);
      }
      return [...files];
    };
    for (const chunk of chunks) {
      const loads = {};
      // What is loaded already wherever this chunk's code runs, at the URLs its imports name: itself and its static
      // imports (not imported again). Not so an entry: a page may load it by another URL (`portal-widgets.js?v=2`),
      // and the chunks' own import of it must then start beside them, not once they have run.
      const loaded = chunk.isEntry ? new Set() : staticClosure(chunk.fileName);
      chunk.code = chunk.code.replace(/\bimport\((["'`])\.\/([^"'`]+\.js)\1\)/g, (call, _q, file) => {
        const eager = staticClosure(file);
        const all = [...eager];
        const preload = chunk.isEntry ? firstScreenOf(Object.keys(bundle[file]?.modules ?? {}), eager) : [];
        if (chunk.isEntry) loads[bundle[file]?.name ?? file] = { imports: all, preloads: preload };
        const fetched = all.filter((f, i) => i === 0 || !loaded.has(f)); // the chunk itself first: its namespace is m[0]
        if (fetched.length === 1 && !preload.length) return call;
        const imports = `Promise.all([${fetched.map((f) => `import("./${f}")`).join(',')}]).then(m=>m[0])`;
        return preload.length ? `(${preload.map((f) => `import("./${f}").catch(()=>{})`).join(',')},${imports})` : imports;
      });
      // What the entry fetches for each chunk it imports (by chunk name: news-list, article …), for the size check.
      if (chunk.isEntry && firstScreen.length) this.emitFile({ type: 'asset', fileName: `.vite/loads-${chunk.name}.json`, source: JSON.stringify(loads, null, 1) });
    }
  },
});
