/**
 * The manifest and the docs generated from it: custom-elements.json is
 * regenerated from the sources, documents every widget of build/entries.js
 * the way Storybook and the docs read it, and docs/widgets.md's tables match it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { widgets } from '../../build/entries.js';
import { DOC, widgetsOf, withTables } from '../../scripts/widget-docs.mjs';

let manifest;

before(() => {
  const r = spawnSync('npm', ['run', '--silent', 'manifest'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
});

describe('custom-elements.json', () => {
  test('package.json names it and ships it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
    assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
  });

  test('declares one custom element per widget entry, with its tag', () => {
    const tags = widgetsOf(manifest).map((d) => d.tagName);
    for (const w of widgets) assert.ok(tags.includes(`portal-${w}`), `portal-${w} is missing from the manifest`);
  });

  for (const w of widgets) {
    test(`portal-${w}: documented attributes, properties, events, parts`, () => {
      const d = widgetsOf(manifest).find((x) => x.tagName === `portal-${w}`);
      assert.ok(d, `portal-${w} not in manifest`);
      assert.ok(d.summary, 'a @summary');
      for (const a of d.attributes ?? []) {
        assert.match(a.name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `attribute ${a.name} is kebab-case`);
        assert.ok(a.description, `attribute ${a.name} has a JSDoc description`);
        assert.ok(a.type?.text, `attribute ${a.name} has a type`);
      }
      const names = new Set((d.attributes ?? []).map((a) => a.name));
      assert.ok(names.has('lang') && names.has('time-zone'), 'inherits lang and time-zone');
      for (const m of d.members ?? []) {
        assert.ok(!m.privacy || m.privacy === 'public', `${m.name} is public`);
        assert.ok(m.description, `member ${m.name} has a JSDoc description`);
      }
      for (const e of d.events ?? []) assert.match(e.name, /^portal-/, `event ${e.name} is portal-*`);
      assert.ok((d.cssParts ?? []).length > 0, 'documents its CSS parts (@csspart)');
      assert.ok((d.cssProperties ?? []).length > 0, 'documents its CSS custom properties (@cssprop)');
    });
  }

  test('portal-news-list: kebab attributes from `static properties`, state excluded, defaults read', () => {
    const d = widgetsOf(manifest).find((x) => x.tagName === 'portal-news-list');
    const attrs = Object.fromEntries(d.attributes.map((a) => [a.name, a]));
    assert.equal(attrs['show-date'].fieldName, 'showDate');
    assert.equal(attrs['show-date'].type.text, 'boolean');
    assert.equal(attrs['heading-level'].default, '0');
    assert.equal(attrs['time-zone'].default, "'Asia/Ho_Chi_Minh'");
    for (const state of ['active', 'shown', 'extra', 'nextUrl', 'announcement', 'langEpoch']) {
      assert.ok(!attrs[state], `${state} is state, not an attribute`);
      assert.ok(!d.members.some((m) => m.name === state), `${state} is not a public member`);
    }
    assert.ok(d.members.some((m) => m.name === 'items' && !m.attribute), 'items: a property without attribute');
    assert.deepEqual(d.events.map((e) => e.name).sort(), ['portal-error', 'portal-filter', 'portal-load', 'portal-select']);
  });
});

test('docs/widgets.md tables match the manifest (run `npm run docs` after changing JSDoc)', () => {
  assert.ok(existsSync(DOC));
  const readme = readFileSync(DOC, 'utf8');
  const expected = withTables(readme, manifest);
  if (expected !== readme) {
    const a = readme.split('\n');
    const b = expected.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    assert.fail(`${DOC} drifted from custom-elements.json at line ${line + 1}:\n  docs:      ${a[line]}\n  generated: ${b[line]}\nRun \`npm run docs\`.`);
  }
});

test('every widget has its stories file (stories/<name>.stories.ts)', () => {
  const missing = widgets.filter((w) => !existsSync(`stories/${w}.stories.ts`));
  assert.deepEqual(missing, [], `no stories for: ${missing.join(', ')} (copy stories/news-list.stories.ts)`);
});
