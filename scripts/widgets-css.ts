/**
 * Writes dist/portal-widgets.css (part of `npm run build`): the rules a page
 * links so each widget's box is reserved before its script defines the tag
 * (docs/theming.md, "Reserve the space"), from src/styles/reserve.ts, which
 * the widgets' skeletons read too. Prints the file's size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { widgetsCss } from '../src/styles/reserve.js';

const text = widgetsCss();
mkdirSync('dist', { recursive: true });
writeFileSync('dist/portal-widgets.css', text);
console.log(`dist/portal-widgets.css  ${(text.length / 1024).toFixed(2)} kB │ gzip: ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(2)} kB`);
