#!/usr/bin/env node
/**
 * Size budgets (npm run size): minified, gzip -9 sizes of each entry with Lit
 * inlined and beyond Lit, of all of src/core, and of the CDN bundle. Prints a
 * table and exits 1 when a budget is exceeded. Code reached only through a
 * dynamic import() (the sanitizer, a player) is not counted in an entry: it
 * loads only when needed, and is listed on its own line. `-- --modules news-list`
 * prints where one entry's bytes go, module by module.
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { budgets, entries, lazyCore, ownCore, widgets } from '../build/entries.js';
import { cssLiteralsEsbuildPlugin } from '../build/minify-css-literals.js';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(2);

/**
 * Bundles `entry`; returns gzip bytes of what loads at once and of each lazy
 * chunk, and (`reads`: the source files a first read imports) what a page
 * downloads in all: the entry, then each chunk it loads, gzipped one by one as
 * they are requested.
 */
async function measure(entry, { external = [], contents, shared = false, reads = [] } = {}) {
  const result = await build({
    ...(contents ? { stdin: { contents, resolveDir: process.cwd(), loader: 'ts' } } : { entryPoints: [entry] }),
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: !contents,
    outdir: 'dist/.size',
    write: false,
    metafile: true,
    target: 'es2022',
    external,
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
    plugins: [...(shared ? [sharedExternal()] : []), cssLiteralsEsbuildPlugin()],
  });
  const files = new Map(result.outputFiles.map((f) => [path.relative(process.cwd(), f.path), f.contents]));
  const outputs = result.metafile.outputs;
  // The entry itself, not a chunk of one of its dynamic imports (those have an entryPoint too).
  const main =
    Object.keys(outputs).find((o) => outputs[o].entryPoint === (contents ? '<stdin>' : entry)) ??
    Object.keys(outputs).find((o) => outputs[o].entryPoint) ??
    Object.keys(outputs).find((o) => o.endsWith('.js'));
  // What loads at once: the entry and its static imports, transitively.
  const eager = new Set();
  const visit = (o) => {
    if (eager.has(o)) return;
    eager.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(main);
  const eagerBytes = Buffer.concat([...eager].map((o) => Buffer.from(files.get(o))));
  // Lazy chunks, named by their largest source (dompurify, xml-feed, text …).
  const lazy = Object.keys(outputs)
    .filter((o) => o.endsWith('.js') && !eager.has(o))
    .map((o) => {
      const [top] = Object.entries(outputs[o].inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
      const name = top ? path.basename(top[0]).replace(/\.(ts|js|mjs)$/, '').replace(/^purify\.es$/, 'dompurify') : o;
      return { name, gz: gz(files.get(o)) };
    });
  // A page's total: the entry and the lazy chunks that hold `reads` (source files), with their static imports.
  const read = new Set();
  const visitRead = (o) => {
    if (eager.has(o) || read.has(o)) return;
    read.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement' && outputs[i.path]) visitRead(i.path);
  };
  for (const o of Object.keys(outputs)) if (reads.some((r) => outputs[o].inputs[r])) visitRead(o);
  const readGz = [...read].reduce((sum, o) => sum + gz(files.get(o)), 0);
  // Where the eager bytes go: minified bytes per source module, and its share of the gzip figure.
  const modules = [...eager]
    .flatMap((o) => Object.entries(outputs[o].inputs).map(([file, v]) => [file, v.bytesInOutput]))
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  return { gz: gz(eagerBytes), lazy, withReads: gz(eagerBytes) + readGz, readChunks: read.size, modules };
}

/**
 * Marks what every widget shares as external — src/internal, src/styles, and
 * src/core except the lazy and widget-specific modules — to measure what one
 * widget adds beyond Lit and that shared base ("beyond shared").
 */
function sharedExternal() {
  const own = new Set([...lazyCore, ...ownCore].map((f) => path.resolve('src/core', f)));
  return {
    name: 'shared-external',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const abs = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        const rel = path.relative(process.cwd(), abs).replaceAll('\\', '/');
        const sharedFile = /^src\/(core|internal|styles)\//.test(rel) && !own.has(abs);
        // Named by its path in the project, not on this disk: the import's text is measured too, so the
        // checkout's location must not change the figure (a fresh clone in /tmp measured 0.01 KB more).
        return sharedFile ? { path: rel, external: true } : undefined;
      });
    },
  };
}

// `npm run size -- --modules <entry>`: where that entry's bytes go, module by module, and nothing else.
const modulesOf = process.argv.includes('--modules') ? process.argv[process.argv.indexOf('--modules') + 1] : undefined;
if (modulesOf) {
  const { gz: total, modules } = await measure(entries[modulesOf] ?? modulesOf);
  const sum = modules.reduce((n, [, bytes]) => n + bytes, 0);
  console.log(`${modulesOf}: ${kb(total)} KB gz at once; minified bytes per module, and their share of the gzip figure:`);
  for (const [file, bytes] of modules) console.log(`${String(bytes).padStart(7)}  ${kb((bytes / sum) * total).padStart(5)}  ${file}`);
  process.exit(0);
}

const LIT = ['lit', 'lit/*', '@lit/reactive-element', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element/*'];
const rows = [];
let failed = 0;
function row(name, kind, bytes, budgetKb) {
  const over = budgetKb !== undefined && bytes > budgetKb * 1024;
  if (over) failed++;
  rows.push([name, kind, kb(bytes), budgetKb === undefined ? '' : String(budgetKb), over ? 'OVER' : budgetKb === undefined ? '' : 'ok']);
}

const litAlone = await measure(null, { contents: "export * from 'lit'; export * from 'lit/decorators.js';" });
row('lit (reference)', 'alone', litAlone.gz);

for (const [name, file] of Object.entries(entries)) {
  const withLit = await measure(file);
  const beyond = await measure(file, { external: LIT });
  row(name, 'with Lit', withLit.gz, budgets[name]?.withLit);
  row(name, 'beyond Lit', beyond.gz, budgets[name]?.beyondLit);
  if (name !== 'index') {
    const own = await measure(file, { external: LIT, shared: true });
    row(name, 'beyond Lit+shared', own.gz, budgets[name]?.beyondShared);
  }
  for (const chunk of withLit.lazy) row(name, `lazy: ${chunk.name}`, chunk.gz);
}

// What a page with only <portal-news-list> downloads for a plain JSON Feed: the entry and the
// chunks the read loads (the reader, the JSON Feed parser); not the XML readers, the bounds of
// a huge feed, the search, the paging, the error texts or English, which a plain read never asks for.
const page = await measure(entries['news-list'], { reads: ['src/core/formats/news-read.ts', 'src/core/formats/json-news.ts'] });
row('news-list page, JSON Feed', `entry + the ${page.readChunks} chunks it loads`, page.withReads, budgets['news-list'].page);

// Core: all of src/core that loads at once (the XML readers and the sanitizer
// are dynamic imports, listed as lazy chunks).
const coreFiles = [];
const walk = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts') && ![...lazyCore, ...ownCore].includes(path.relative('src/core', p).replaceAll('\\', '/'))) coreFiles.push(p);
  }
};
walk('src/core');
mkdirSync('dist/.size', { recursive: true });
const coreEntry = 'dist/.size/core-entry.ts';
writeFileSync(coreEntry, coreFiles.map((f) => `export * from '../../${f.replaceAll('\\', '/')}';`).join('\n'));
const core = await measure(coreEntry, { external: [...LIT, 'dompurify'] });
row('core (src/core, eager)', 'beyond Lit', core.gz, budgets.core.beyondLit);

try {
  // The CDN files as a page loads them: the loader, what it fetches for one tag (the widget's
  // chunks and the first-screen chunks it preloads, the JSON Feed reader or the sanitizer: the
  // build lists them in .vite/loads-portal-widgets.json), and the eager file with its static chunks.
  const cdnGz = (files) => files.reduce((sum, f) => sum + gz(readFileSync(`dist/cdn/${f}`)), 0);
  const loads = JSON.parse(readFileSync('dist/cdn/.vite/loads-portal-widgets.json', 'utf8'));
  row('cdn/portal-widgets.js', 'loader alone', cdnGz(['portal-widgets.js']), budgets.cdn.loader);
  // Every widget's page, so a chunk layout that helps one page is seen to cost no other.
  for (const widget of widgets) {
    const files = [...new Set(['portal-widgets.js', ...loads[widget].imports, ...loads[widget].preloads])];
    row(`cdn page: <portal-${widget}>`, `loader + ${files.length - 1} files`, cdnGz(files), budgets.cdn.pages[widget]);
  }
  const manifest = JSON.parse(readFileSync('dist/cdn/.vite/manifest-all.json', 'utf8'));
  const eager = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || eager.has(chunk.file)) return;
    eager.add(chunk.file);
    (chunk.imports ?? []).forEach(visit);
  };
  visit(Object.keys(manifest).find((k) => manifest[k].isEntry));
  row('cdn/portal-widgets-all.js', `every widget, ${eager.size - 1} static chunks`, cdnGz([...eager]), budgets.cdn.all);
} catch {
  rows.push(['cdn/portal-widgets.js', 'total', '-', '', 'not built: run npm run build']);
}

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...[['entry', 'measure', 'KB gz', 'budget', ''], ...rows].map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(['entry', 'measure', 'KB gz', 'budget', '']));
for (const r of rows) console.log(line(r));
if (failed) {
  console.error(`\n${failed} size budget(s) exceeded.`);
  process.exit(1);
}
console.log('\nAll size budgets hold.');
