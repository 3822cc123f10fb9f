/**
 * Writes dist/portal-widgets.css (part of `npm run build`): the rules a page
 * links so each widget's box is reserved before its script defines the tag
 * (build/widgets-css.ts, docs/theming.md "Reserve the space"). Prints its size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { widgetsCss } from '../build/widgets-css.js';

const text = widgetsCss();
mkdirSync('dist', { recursive: true });
writeFileSync('dist/portal-widgets.css', text);
console.log(`dist/portal-widgets.css  ${(text.length / 1024).toFixed(2)} kB │ gzip: ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(2)} kB`);
