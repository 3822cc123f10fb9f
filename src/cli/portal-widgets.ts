/**
 * `npx portal-widgets validate <file-or-url>`: the feed checker for webmasters.
 * Built to dist/cli/portal-widgets.js (package.json "bin") by vite.cli.config.ts.
 */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
