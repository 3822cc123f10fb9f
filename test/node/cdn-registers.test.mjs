// The CDN bundle must register every widget: its define() calls are side effects
// that a bundler drops if it believes the component modules have none.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { widgets } from '../../build/entries.js';

const bundle = 'dist/cdn/portal-widgets.js';

test('the CDN bundle defines every widget tag', { skip: !existsSync(bundle) && 'not built' }, () => {
  const code = readFileSync(bundle, 'utf8');
  for (const w of widgets) assert.match(code, new RegExp(`["'\`]portal-${w}["'\`]`), `portal-${w} is not defined by ${bundle}`);
});
