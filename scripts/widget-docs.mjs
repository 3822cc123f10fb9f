#!/usr/bin/env node
/**
 * The widget reference (docs/widgets.md), generated from custom-elements.json
 * (itself generated from each widget class's JSDoc by `npm run manifest`): for
 * every widget its summary, attributes and properties, methods, events, slots,
 * CSS parts and CSS custom properties, written between
 * `<!-- widgets:start -->` and `<!-- widgets:end -->`.
 *
 *   npm run docs                              regenerate the manifest and docs/widgets.md
 *   node scripts/widget-docs.mjs --check      exit 1 if docs/widgets.md differs from the manifest
 */
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- widgets:start -->';
const END = '<!-- widgets:end -->';
/** The generated reference page. */
export const DOC = 'docs/widgets.md';

/** Table cell text: one line, pipes escaped. */
const cell = (text = '') => String(text).replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|').trim();
const code = (text) => (text === undefined || text === '' ? '' : `\`${cell(text)}\``);
/** A type as a reader needs it: optional is said by the empty default, not by `| undefined`. */
const typeText = (text) => text?.replace(/\s*\|\s*undefined\b/g, '');

function table(head, rows) {
  if (!rows.length) return '';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The custom elements of a manifest, in tag order. */
export function widgetsOf(manifest) {
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

function section(d) {
  const out = [`## \`<${d.tagName}>\``, ''];
  if (d.summary) out.push(`**${cell(d.summary)}**`, '');
  if (d.description) out.push(d.description.trim(), '');

  const members = (d.members ?? []).filter((m) => !m.static && (!m.privacy || m.privacy === 'public'));
  const fields = members.filter((m) => m.kind === 'field');
  const byField = new Map(fields.map((f) => [f.name, f]));
  const attributes = d.attributes ?? [];
  const withAttribute = new Set(attributes.map((a) => a.fieldName));
  const rows = [
    ...attributes.map((a) => {
      const f = byField.get(a.fieldName) ?? {};
      return [code(a.name), code(a.fieldName), code(typeText(a.type?.text ?? f.type?.text)), code(a.default ?? f.default), cell(a.description ?? f.description)];
    }),
    // Properties set from script only (data given directly): no attribute; read-only getters are listed too.
    ...fields
      .filter((f) => !withAttribute.has(f.name))
      .map((f) => ['', code(f.name), code(typeText(f.type?.text)), code(f.default), cell(`${f.readonly ? '(read-only) ' : ''}${f.description ?? ''}`)]),
  ];
  const parts = [
    table(['attribute', 'property', 'type', 'default', 'description'], rows),
    table(
      ['method', 'description'],
      members
        .filter((m) => m.kind === 'method')
        .map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), cell(m.description)]),
    ),
    table(['event', 'description'], (d.events ?? []).map((e) => [code(e.name), cell(e.description)])),
    table(['slot', 'description'], (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
    table(['CSS part', 'description'], (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
    table(['CSS custom property', 'description'], (d.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)])),
  ];
  return [...out, parts.filter(Boolean).join('\n\n')].join('\n');
}

/** The generated section, markers excluded. */
export function widgetTables(manifest) {
  return [
    '',
    '<!-- Generated from custom-elements.json by `npm run docs`: edit the JSDoc of the widget classes, not this section. -->',
    '',
    widgetsOf(manifest).map(section).join('\n\n'),
    '',
  ].join('\n');
}

/** The reference page with its marked section replaced. */
export function withTables(readme, manifest) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC} needs ${START} … ${END}`);
  return readme.slice(0, start + START.length) + widgetTables(manifest) + readme.slice(end);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const page = readFileSync(DOC, 'utf8');
  const next = withTables(page, manifest);
  if (process.argv.includes('--check')) {
    if (next !== page) {
      console.error(`${DOC} differs from custom-elements.json: run \`npm run docs\`.`);
      process.exit(1);
    }
    console.log(`${DOC} matches custom-elements.json.`);
  } else {
    writeFileSync(DOC, next);
    console.log(`${DOC}: tables for ${widgetsOf(manifest).map((d) => `<${d.tagName}>`).join(', ')}.`);
  }
}
