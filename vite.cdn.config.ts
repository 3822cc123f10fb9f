/**
 * The CDN build, minified, for a plain `<script type="module" src=".../portal-widgets.js">`:
 * that file is a small loader (src/cdn.ts) that imports each widget's chunk when
 * its tag appears, with the chunks that widget shares with others (Lit and the core
 * in `shared`, a family's code in `news` or `documents`: loaderChunks). The
 * sanitizer stays a chunk of its own, preloaded beside an article.
 *
 * `--mode all` builds, into the same folder, `portal-widgets-all.js`: every widget
 * defined at once in one file (src/index.ts), for a page that prefers one request;
 * what only some pages need (the sanitizer, the XML readers, a player) stays lazy.
 *
 * The manifests (.vite/manifest.json, .vite/manifest-all.json) let the size check
 * follow the imports.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { widgets } from './build/entries.js';
import { cssLiteralsVitePlugin } from './build/minify-css-literals.js';
import { namespaceObjects } from './build/namespace-objects.js';
import { parallelChunkImports } from './build/parallel-chunk-imports.js';

/**
 * The lazy modules that read a JSON Feed, what every news widget's first screen waits for
 * (not limits/json.ts: only a feed of 10,000 commas or an oversized string loads it).
 */
const jsonReader = ['src/core/formats/news-read.ts', 'src/core/formats/json-news.ts'];
/** Lazy modules a widget needs for its first screen: the loader preloads them beside the widget, the eager file beside the news reader. */
const firstScreen = ['src/core/sanitizer.ts', ...jsonReader];
const isJsonReader = (id: string) => jsonReader.some((src) => id.replaceAll('\\', '/').endsWith(`/${src}`));

const WIDGET = /[\\/]components[\\/]([^\\/]+)[\\/]\1\.ts$/;
const BASE = /[\\/]src[\\/](core|internal|styles)[\\/]|[\\/]node_modules[\\/](lit|@lit|lit-html|lit-element)[\\/]/;

type LoaderChunk = 'shared' | 'news' | 'documents';

/**
 * The loader's chunks beyond each widget's own, by who uses a module of src/core, internal,
 * styles or Lit on its first screen (statically, or through the JSON Feed reader, which every
 * news widget fetches at once): `shared`, what widgets of both families use (Lit, the element
 * base, the feed store, the document fields); `news`, what only the widgets reading a news feed
 * use, the reader included, when most of them use it; `documents`, what two or more of the
 * others (banner, links, counter) use. The rest is Rolldown's: a module of one widget goes in
 * its chunk, one of a few news widgets (the archive's and search's form targets) in a chunk of
 * its own, so a news list carries neither. (Rolldown's runtime, a chunk of its own that the namespace
 * objects of import()ed modules needed, is written out of them: build/namespace-objects.js.) Before, with one `shared` chunk of what any two widgets use and the reader apart, a news
 * list fetched 4 files of which 3 KB of source went unused (19.89 KB gz; now 4 files, 19.41).
 */
function loaderChunks() {
  const users = new Map<string, Set<string>>();
  /** The widgets (folder names) whose first screen runs module `id`. */
  const usersOf = (id: string, ctx: Rolldown.ChunkingContext) => {
    let found = users.get(id);
    if (found) return found;
    found = new Set();
    const seen = new Set([id]);
    for (const queue = [id]; queue.length; ) {
      const info = ctx.getModuleInfo(queue.shift()!);
      if (!info) continue;
      const widget = WIDGET.exec(info.id)?.[1];
      if (widget) found.add(widget);
      for (const importer of [...info.importers, ...(isJsonReader(info.id) ? info.dynamicImporters : [])]) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        queue.push(importer);
      }
    }
    users.set(id, found);
    return found;
  };
  const chunkOf = (id: string, ctx: Rolldown.ChunkingContext): LoaderChunk | null => {
    if (!BASE.test(id)) return null;
    const used = usersOf(id, ctx);
    const readers = usersOf(fileURLToPath(new URL(jsonReader[0], import.meta.url)), ctx); // the news widgets
    const news = [...used].filter((w) => readers.has(w)).length;
    if (news && news < used.size) return 'shared';
    if (used.size < 2) return null;
    if (!news) return 'documents';
    return news * 2 >= readers.size ? 'news' : null;
  };
  /** A chunking group per name; `shared` first, so a module any two could take (a dependency) is shared. */
  return (['shared', 'news', 'documents'] as const).map((name, i) => ({
    name: (id: string, ctx: Rolldown.ChunkingContext) => (chunkOf(id, ctx) === name ? name : null),
    debugName: name,
    priority: 3 - i,
  }));
}

/** `virtual:portal-widgets/definers` for the loader (src/cdn.ts): `portal-<name>` → the import of its `<name>.ts`, for each widget. */
function widgetDefiners(): Plugin {
  const id = 'virtual:portal-widgets/definers';
  const path = (w: string) => fileURLToPath(new URL(`./src/components/${w}/${w}.ts`, import.meta.url));
  return {
    name: 'widget-definers',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (loaded) =>
      loaded === `\0${id}` ? `export default {${widgets.map((w) => `${JSON.stringify(`portal-${w}`)}: () => import(${JSON.stringify(path(w))})`).join(',\n')}};` : null,
  };
}

export default defineConfig(({ mode }) => {
  const all = mode === 'all';
  const entry: Record<string, string> = all ? { 'portal-widgets-all': 'src/index.ts' } : { 'portal-widgets': 'src/cdn.ts' };
  return {
    plugins: [cssLiteralsVitePlugin(), widgetDefiners(), namespaceObjects(), parallelChunkImports({ firstScreen })],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: !all, // the loader build runs first; the eager file joins it
      target: 'es2022',
      // Terser, then Rolldown's own minifier (oxc) on its output, without the /*#__PURE__*/ marks
      // (for bundlers; these files go to browsers). KB gz, news-list page / eager file: oxc alone
      // 19.41 / 30.57, without the marks 19.31 / 30.52, terser alone 19.44 / 30.56, both 19.24 /
      // 30.34; 3 passes or terser's unsafe options gain nothing more; Vite's esbuild 22.10 / 33.93.
      minify: 'terser',
      terserOptions: { ecma: 2020, compress: { passes: 2 } },
      // Names each chunk's static imports, so the size check counts what the file loads at once.
      manifest: all ? '.vite/manifest-all.json' : true,
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        preserveEntrySignatures: 'allow-extension' as const, // lets a group be the entry itself
        // Every imported constant written where it is used, not only in conditions ('smart'): news pages
        // -0.06 to -0.07 KB gz (news-list 19.24 -> 19.18), banner and counter +0.01, the eager file even.
        optimization: { inlineConst: { mode: 'all' as const } },
        output: {
          chunkFileNames: '[name]-[hash].js',
          // Library mode leaves ES output unminified (2,992 indented lines): minify it here.
          minify: true,
          comments: false,
          // The eager file is one file: what it loads at once, also what its lazy chunks share, goes in it
          // (left alone, Rolldown splits off every module a lazy chunk shares: 7 more requests).
          codeSplitting: {
            groups: all
              ? [{ name: 'portal-widgets-all', tags: ['$initial' as const] }]
              : [
                  // What the loader itself runs (the early fetch) stays in it, not in a chunk it would wait for.
                  { name: 'portal-widgets', tags: ['$initial' as const], priority: 9 },
                  ...loaderChunks(),
                ],
          },
        },
      },
    },
  };
});
