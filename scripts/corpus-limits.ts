#!/usr/bin/env node
/**
 * Checks that the bounds of src/core/limits.ts cut nothing a real feed uses:
 * every document of the feeds corpus (others' data, read in place, never copied
 * here) is parsed with the bounds and with them lifted, and the two readings,
 * and every item body after depth flattening, must be the same. Not part of
 * `npm test` (the corpus lives outside the project):
 *
 *   node --import tsx scripts/corpus-limits.ts [corpus-dir]   (default ../shared/feeds-corpus)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { useNodeXmlParser } from '../src/cli/xml-dom.js';
import { parseNews } from '../src/core/formats/news.js';
import { LIMITS } from '../src/core/limits.js';
import { flattenDeepHtml } from '../src/core/limits/html.js';

const dir = path.resolve(process.argv[2] ?? ['../shared/feeds-corpus', '../../shared/feeds-corpus'].find((d) => existsSync(d)) ?? '../shared/feeds-corpus');
if (!existsSync(dir)) {
  console.log(`No feeds corpus at ${dir}: nothing checked.`);
  process.exit(0);
}
useNodeXmlParser();

const bounded = { ...LIMITS };
const lifted = Object.fromEntries(Object.keys(LIMITS).map((k) => [k, Infinity])) as typeof LIMITS;

/** The reading of `text` under `limits`: the feed, or the error it ends in. */
async function read(text: string, url: string, limits: typeof LIMITS): Promise<string> {
  Object.assign(LIMITS, limits);
  try {
    const feed = await parseNews(text, url);
    const bodies = feed.items.map((i) => (i.contentHtml === undefined ? undefined : flattenDeepHtml(i.contentHtml)));
    return JSON.stringify({ feed, bodies });
  } catch (e) {
    return `error ${String(e)}`;
  } finally {
    Object.assign(LIMITS, bounded);
  }
}

const files = readdirSync(dir).filter((f) => !/^(README\.md|SOURCES\.json)$/.test(f));
const different: string[] = [];
let items = 0;
let errors = 0;
const longest = { title: 0, summary: 0, content: 0, depth: 0 };
for (const file of files) {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const url = `https://corpus.example/${file}`;
  // One after the other: LIMITS is shared.
  const withLimits = await read(text, url, bounded);
  const without = await read(text, url, lifted);
  if (withLimits !== without) different.push(file);
  if (without.startsWith('error')) {
    errors++;
    continue;
  }
  const { feed } = JSON.parse(without) as { feed: { items: { title: string; summary?: string; contentHtml?: string }[] } };
  items += feed.items.length;
  for (const i of feed.items) {
    longest.title = Math.max(longest.title, i.title.length);
    longest.summary = Math.max(longest.summary, i.summary?.length ?? 0);
    longest.content = Math.max(longest.content, Buffer.byteLength(i.contentHtml ?? ''));
    if (i.contentHtml) {
      // The depth at which flattening would start: the smallest limit that leaves the body as it is.
      let depth = 1;
      Object.assign(LIMITS, { htmlDepth: 1 });
      while (flattenDeepHtml(i.contentHtml) !== i.contentHtml && depth < bounded.htmlDepth) Object.assign(LIMITS, { htmlDepth: ++depth });
      Object.assign(LIMITS, bounded);
      longest.depth = Math.max(longest.depth, depth);
    }
  }
}
console.log(`${files.length} documents (${errors} end in an error both ways), ${items} items.`);
console.log(
  `Largest seen: title ${longest.title} characters (limit ${bounded.titleChars}), summary ${longest.summary} (limit ${bounded.summaryChars}), ` +
    `content_html ${longest.content} bytes (limit ${bounded.contentBytes}), nesting ${longest.depth} (limit ${bounded.htmlDepth}).`,
);
if (different.length) {
  console.log(`Read differently with the limits: ${different.join(', ')}`);
  process.exit(1);
}
console.log('Every document reads the same with and without the limits.');
