// The CDN files must reach every widget: the eager file's define() calls are side
// effects that a bundler drops if it believes the component modules have none, and
// the loader's definers are made from build/entries.js (vite.cdn.config.ts), so a widget
// whose folder breaks the `<name>/<name>.ts` pattern would be missing from it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { widgets } from '../../build/entries.js';

const loader = 'dist/cdn/portal-widgets.js';
const eager = 'dist/cdn/portal-widgets-all.js';

test('the CDN eager file defines every widget tag', { skip: !existsSync(eager) && 'not built' }, () => {
  const code = readFileSync(eager, 'utf8');
  for (const w of widgets) assert.match(code, new RegExp(`["'\`]portal-${w}["'\`]`), `portal-${w} is not defined by ${eager}`);
});

test('the CDN loader can load every widget, and nothing at once', { skip: !existsSync(loader) && 'not built' }, () => {
  const code = readFileSync(loader, 'utf8');
  for (const w of widgets) assert.ok(code.includes(`"portal-${w}":()=>`), `${loader} cannot load portal-${w}`);
  assert.doesNotMatch(code, /^import\s|[;}]import\s*[{"*]/m, 'the loader has no static import');
});
