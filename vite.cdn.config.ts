/**
 * The CDN build, minified, for a plain `<script type="module" src=".../portal-widgets.js">`:
 * that file is a small loader (src/cdn.ts) that imports each widget's chunk when
 * its tag appears; Lit and the shared core are chunks the widgets share. The
 * sanitizer stays a chunk of its own, fetched only when an article has HTML.
 *
 * `--mode all` builds, into the same folder, `portal-widgets-all.js`: every widget
 * defined at once in one file (src/index.ts), for a page that prefers one request;
 * what only some pages need (the sanitizer, the XML readers, a player) stays lazy.
 *
 * The manifests (.vite/manifest.json, .vite/manifest-all.json) let the size check
 * follow the imports.
 */
import { defineConfig, type Rolldown } from 'vite';
import { cssLiteralsVitePlugin } from './build/minify-css-literals.js';
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

/**
 * The loader's chunks beyond each widget's own: `shared`, Lit and the modules of src/core,
 * internal and styles that two or more widgets import statically; `json-reader`, the lazy
 * modules only the JSON Feed reader needs (preloaded together beside a news widget). Left
 * alone, Rolldown makes a chunk per set of widgets that share a module: a news list fetched
 * 18 files (22.14 KB gz, 1.3 KB of it per-file overhead); with these two, 5 files (19.78 KB),
 * a page of banner, list, links and counter 8 files instead of 23 (27.08 KB, was 30.20).
 */
function loaderChunk(id: string, ctx: Rolldown.ChunkingContext): 'shared' | 'json-reader' | null {
  if (!BASE.test(id)) return null;
  const widgets = new Set<string>();
  let reader = false;
  const seen = new Set([id]);
  for (const queue = [id]; queue.length; ) {
    const info = ctx.getModuleInfo(queue.shift()!);
    if (!info) continue;
    const widget = WIDGET.exec(info.id)?.[1];
    if (widget) widgets.add(widget);
    reader ||= isJsonReader(info.id);
    for (const importer of info.importers) {
      if (seen.has(importer)) continue;
      seen.add(importer);
      queue.push(importer);
    }
  }
  if (widgets.size >= 2) return 'shared';
  return reader && !widgets.size ? 'json-reader' : null;
}
/** A chunking group of {@link loaderChunk}; `shared` first, so a module both could take is shared. */
const loaderGroup = (name: 'shared' | 'json-reader', priority: number) => ({
  name: (id: string, ctx: Rolldown.ChunkingContext) => (loaderChunk(id, ctx) === name ? name : null),
  priority,
});

export default defineConfig(({ mode }) => {
  const all = mode === 'all';
  const entry: Record<string, string> = all ? { 'portal-widgets-all': 'src/index.ts' } : { 'portal-widgets': 'src/cdn.ts' };
  return {
    plugins: [cssLiteralsVitePlugin(), parallelChunkImports({ firstScreen })],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: !all, // the loader build runs first; the eager file joins it
      target: 'es2022',
      minify: true,
      // Names each chunk's static imports, so the size check counts what the file loads at once.
      manifest: all ? '.vite/manifest-all.json' : true,
      lib: { entry, formats: ['es'] },
      // Library mode leaves ES output unminified (2,992 indented lines): minify it here.
      rolldownOptions: {
        ...(all && { preserveEntrySignatures: 'allow-extension' as const }), // lets that group be the entry itself
        output: {
          chunkFileNames: '[name]-[hash].js',
          minify: true,
          // The eager file is one file: what it loads at once, also what its lazy chunks share, goes in it
          // (left alone, Rolldown splits off every module a lazy chunk shares: 7 more requests).
          codeSplitting: {
            groups: all
              ? [{ name: 'portal-widgets-all', tags: ['$initial' as const] }]
              : [loaderGroup('shared', 2), loaderGroup('json-reader', 1)],
          },
        },
      },
    },
  };
});
