/**
 * The layering of src/: components → internal → core, never back up, and no
 * import circle anywhere (static, dynamic or type-only imports alike: a circle
 * of types still ties two modules into one owner).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const files = readdirSync('src', { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join('src', f).replaceAll('\\', '/'));

/** `from '…'`, `import('…')` and `import '…'` of relative modules, resolved to src/… .ts paths. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]);
  return specs.map((s) => path.join(path.dirname(file), s).replaceAll('\\', '/').replace(/\.js$/, '.ts'));
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));
const layer = (f) => f.split('/')[1]; // components, internal, core, styles, cli, index.ts

test('every relative import names a module that exists', () => {
  for (const [file, deps] of graph) for (const d of deps) assert.ok(graph.has(d), `${file} imports ${d}, which is not in src/`);
});

test('src/core imports nothing from src/internal, src/components, src/styles or src/cli', () => {
  const wrong = [...graph].flatMap(([f, deps]) => (layer(f) === 'core' ? deps.filter((d) => layer(d) !== 'core').map((d) => `${f} → ${d}`) : []));
  assert.deepEqual(wrong, []);
});

test('src/internal imports nothing from src/components', () => {
  const wrong = [...graph].flatMap(([f, deps]) => (layer(f) === 'internal' ? deps.filter((d) => layer(d) === 'components').map((d) => `${f} → ${d}`) : []));
  assert.deepEqual(wrong, []);
});

test('no import circle in src/', () => {
  const circles = [];
  const state = new Map(); // 1 visiting, 2 done
  const visit = (f, trail) => {
    if (state.get(f) === 2) return;
    if (state.get(f) === 1) return void circles.push([...trail.slice(trail.indexOf(f)), f].join(' → '));
    state.set(f, 1);
    for (const d of graph.get(f) ?? []) visit(d, [...trail, f]);
    state.set(f, 2);
  };
  for (const f of graph.keys()) visit(f, []);
  assert.deepEqual(circles, []);
});
