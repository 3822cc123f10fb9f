/**
 * For the CDN build: every `import("./x.js")` of a chunk becomes an import of
 * that chunk and of every chunk it imports statically, all at once, so the
 * browser fetches them in parallel instead of discovering them one level at a
 * time (loader → widget → Lit and core). The module graph still evaluates them
 * in order. Vite's own preload helper is not used in library mode.
 *
 * `firstScreen` names lazy modules (source paths) that a page needs for its
 * first screen wherever they are reachable (the sanitizer of an article, the
 * JSON Feed reader of a news widget): when the entry imports a widget that can
 * reach one, it also adds `<link rel="modulepreload">` for that module's chunks,
 * so they download beside the widget rather than after it has run. A
 * modulepreload fetches and compiles but does not run, and the widget's own
 * import() later finds the module ready. URLs are the entry's own siblings
 * (resolved against import.meta.url), never anything the page controls.
 */
const PRELOAD = '__portalPreload';
// Minified by hand: the bundle is minified before generateBundle. Each URL once.
const preloadHelper = `const ${PRELOAD}=((s)=>(f)=>{for(const h of f)if(!s.has(h)){s.add(h);const l=document.createElement("link");l.rel="modulepreload";l.href=new URL(h,import.meta.url).href;document.head.append(l)}})(new Set);`;

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
    const lazyFiles = new Map(
      firstScreen.map((src) => {
        const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${src}`));
        // A renamed or merged module would silently drop its preload: fail the build instead.
        if (!chunk) throw new Error(`parallel-chunk-imports: no chunk for the first-screen module ${src}`);
        return [chunk.fileName, src];
      }),
    );
    /** The first-screen lazy chunks that loading `file` can reach, with their static imports. */
    const firstScreenOf = (file) => {
      const eager = staticClosure(file);
      const found = new Set();
      const queue = [...eager];
      while (queue.length) {
        for (const d of bundle[queue.shift()]?.dynamicImports ?? []) {
          if (!lazyFiles.has(d) || found.has(d)) continue;
          for (const f of staticClosure(d)) {
            if (eager.has(f) || found.has(f)) continue;
            found.add(f);
            queue.push(f);
          }
        }
      }
      return [...found];
    };
    for (const chunk of chunks) {
      let preloads = false;
      const loads = {};
      chunk.code = chunk.code.replace(/\bimport\((["'`])\.\/([^"'`]+\.js)\1\)/g, (call, _q, file) => {
        const all = [...staticClosure(file)];
        const preload = chunk.isEntry ? firstScreenOf(file) : [];
        if (chunk.isEntry) loads[bundle[file]?.name ?? file] = { imports: all, preloads: preload };
        if (all.length === 1 && !preload.length) return call;
        preloads ||= preload.length > 0;
        const imports = `Promise.all([${all.map((f) => `import("./${f}")`).join(',')}]).then(m=>m[0])`;
        return preload.length ? `(${PRELOAD}(${JSON.stringify(preload.map((f) => `./${f}`))}),${imports})` : imports;
      });
      if (preloads) chunk.code = preloadHelper + chunk.code;
      // What the entry fetches for each chunk it imports (by chunk name: news-list, article …), for the size check.
      if (chunk.isEntry) this.emitFile({ type: 'asset', fileName: `.vite/loads-${chunk.name}.json`, source: JSON.stringify(loads, null, 1) });
    }
  },
});
