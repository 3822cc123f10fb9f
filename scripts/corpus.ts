#!/usr/bin/env -S node --import tsx
/**
 * `npm run corpus -- DIR`: reads every feed document in DIR with the widgets'
 * own parsers (the Node path: src/cli/xml-dom.ts) and prints, per document, its
 * format, how many entries it holds, how many items were read, the items skipped
 * and the fields dropped (with their problem codes), and the documents that could
 * not be read and why. A tool, outside `npm test`. Content types come from
 * DIR/SOURCES.json when there is one (`[{id, contentType}]`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toPortalError } from '../src/core/errors.js';
import { decodeBody, detectCharset } from '../src/core/formats/charset.js';
import { cleanBody } from '../src/core/formats/document.js';
import { parseNews } from '../src/core/formats/news.js';
import { describe } from '../src/cli/validate.js';
import { useNodeXmlParser } from '../src/cli/xml-dom.js';

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error('usage: npm run corpus -- DIR');
  process.exit(2);
}
useNodeXmlParser();
const sourcesFile = path.join(dir, 'SOURCES.json');
const types = new Map<string, string>(
  existsSync(sourcesFile) ? (JSON.parse(readFileSync(sourcesFile, 'utf8')) as { id: string; contentType?: string }[]).map((s) => [s.id, s.contentType ?? '']) : [],
);
const files = readdirSync(dir).filter((f) => !/^(README\.md|SOURCES\.json)$/.test(f)).sort();

const totals = { documents: 0, entries: 0, items: 0, skipped: 0, dropped: 0, repaired: 0, unreadable: 0, empty: 0, noUrl: 0, noDate: 0, noImage: 0 };
const reasons = new Map<string, number>();
const count = (key: string) => reasons.set(key, (reasons.get(key) ?? 0) + 1);
const unreadable: string[] = [];

for (const file of files) {
  const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
  const type = types.get(file);
  const text = decodeBody(bytes, type);
  const charset = detectCharset(bytes, type);
  const { format, total } = describe(cleanBody(text));
  totals.documents++;
  totals.entries += total;
  const started = performance.now();
  try {
    const feed = await parseNews(text, `https://example.org/feeds/${file}`);
    const ms = performance.now() - started;
    const skipped = feed.warnings.filter((w) => w.effect === 'skip-item');
    const dropped = feed.warnings.filter((w) => w.effect === 'drop-field');
    const repaired = feed.warnings.filter((w) => w.effect === 'repair');
    totals.items += feed.items.length;
    totals.skipped += skipped.length;
    totals.dropped += dropped.length;
    totals.repaired += repaired.length;
    if (!feed.items.length) totals.empty++;
    const noUrl = feed.items.filter((i) => !i.url).length;
    const noDate = feed.items.filter((i) => !i.published).length;
    totals.noUrl += noUrl;
    totals.noDate += noDate;
    totals.noImage += feed.items.filter((i) => !i.image).length;
    for (const w of feed.warnings) count(`${w.effect} ${w.path.replace(/\[\d+\]/g, '[]')} ${w.problem}`);
    const notes = [
      noUrl && `${noUrl} without link`,
      noDate && `${noDate} without date`,
      skipped.length && `skipped ${skipped.length} (${[...new Set(skipped.map((w) => `${w.path.replace(/^items\[\d+\]\.?/, '') || 'item'}: ${w.problem}`))].join(', ')})`,
      dropped.length && `dropped ${dropped.length} (${[...new Set(dropped.map((w) => `${w.path.replace(/^items\[\d+\]\.?/, '')}: ${w.problem}`))].join(', ')})`,
      repaired.length && `repaired (${repaired.map((w) => `${w.path.replace(/^items\[\d+\]\.?/, '') || 'document'}: ${w.problem}`).slice(0, 3).join(', ')}${repaired.length > 3 ? ', …' : ''})`,
    ].filter(Boolean);
    console.log(`${file.padEnd(58)} ${format.padEnd(16)} ${charset.encoding.padEnd(12)} ${String(feed.items.length).padStart(4)}/${String(total).padEnd(4)} ${ms.toFixed(0).padStart(4)} ms  ${notes.join('; ')}`);
  } catch (e) {
    const error = toPortalError(e);
    totals.unreadable++;
    unreadable.push(`${file}: ${error.code}${error.detail ? ` (${error.detail})` : ''}`);
    console.log(`${file.padEnd(58)} ${format.padEnd(16)} ${charset.encoding.padEnd(12)}    -/${String(total).padEnd(4)}         UNREADABLE ${error.code}: ${error.detail}`);
  }
}

console.log(`\n${totals.documents} documents, ${totals.entries} entries found, ${totals.items} items read, ${totals.skipped} items skipped, ${totals.dropped} fields dropped, ${totals.repaired} repairs; ${totals.unreadable} unreadable, ${totals.empty} read with 0 items; items without link ${totals.noUrl}, without date ${totals.noDate}, without picture ${totals.noImage}.`);
console.log('\nWarnings by effect, path and problem:');
for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${k}`);
if (unreadable.length) console.log(`\nUnreadable:\n  ${unreadable.join('\n  ')}`);
