/**
 * For the CDN builds: the namespace objects of modules that are import()ed but
 * share a chunk (the JSON reader beside its importer in `news`, the news list
 * beside the article that renders it, each lazy reader) written as object
 * literals with getters, not through Rolldown's runtime helper. That helper is
 * a chunk of its own (0.18 KB gz), so every news widget's page fetched one file
 * more for `helper({readNews: () => f})`. Measured, KB gz: news-list page
 * 19.17 -> 18.89 (4 -> 3 files), archive, search and video pages -0.26 to -0.28.
 *
 * Runs on the minified chunks (before parallel-chunk-imports follows the imports).
 * A call of the helper in a shape not rewritten here fails the build rather than
 * leaving a chunk that calls a helper it no longer imports.
 */
const RUNTIME = '\0rolldown/runtime.js';

export const namespaceObjects = () => ({
  name: 'namespace-objects',
  generateBundle(_, bundle) {
    const runtime = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds.includes(RUNTIME));
    if (!runtime || runtime.moduleIds.length !== 1) return; // none, or inside a chunk that needs no request of its own
    const file = runtime.fileName.replace(/[.$]/g, '\\$&');
    const importRe = new RegExp(`import\\{([\\w$]+)(?: as ([\\w$]+))?\\}from"\\./${file}";?`);
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk === runtime || !chunk.imports.includes(runtime.fileName)) continue;
      const found = importRe.exec(chunk.code);
      if (!found) throw new Error(`namespace-objects: ${chunk.fileName} imports ${runtime.fileName} in an unknown form`);
      const helper = (found[2] ?? found[1]).replace(/\$/g, '\\$');
      // `helper({a:()=>x,b:()=>y})` → `{get a(){return x},get b(){return y}}`: the same live, enumerable bindings.
      const call = new RegExp(`(?<=[=,(:])${helper}\\(\\{((?:[\\w$]+:\\(\\)=>[\\w$]+,?)+)\\}\\)`, 'g');
      const code = chunk.code.replace(found[0], '').replace(call, (_, pairs) =>
        `{${pairs.split(',').filter(Boolean).map((p) => p.replace(/^([\w$]+):\(\)=>([\w$]+)$/, 'get $1(){return $2}')).join(',')}}`,
      );
      if (new RegExp(`(?<=[=,(:])${helper}\\(\\{[\\w$]+:\\(\\)=>`).test(code)) throw new Error(`namespace-objects: ${chunk.fileName} calls Rolldown's runtime in a shape not rewritten`);
      chunk.code = code;
      chunk.imports = chunk.imports.filter((f) => f !== runtime.fileName);
    }
    delete bundle[runtime.fileName];
  },
});
