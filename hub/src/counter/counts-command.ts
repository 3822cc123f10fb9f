/**
 * `portal-widgets-hub export [--out FILE]` and `portal-widgets-hub import FILE`
 * (or `-` for standard input): the counts of the configured storage as JSON
 * lines (storage/counts-file.ts), so a province can start on SQLite and move
 * to PostgreSQL, or move servers. Import sets each total and day it lists
 * (running it twice gives the same counts); run it before the hubs start
 * counting on the new storage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { HubConfig } from '../config.js';
import { openStorage } from '../hub.js';
import { countsFromJsonLines, countsToJsonLines } from '../storage/counts-file.js';

export async function runCountsCommand(command: 'export' | 'import', config: HubConfig, file: string | undefined): Promise<string> {
  const records = command === 'import' ? countsFromJsonLines(readFileSync(file === undefined || file === '-' ? 0 : file, 'utf8'), config.sites.map((s) => s.id)) : undefined;
  const storage = await openStorage(config);
  try {
    if (records) {
      await storage.importCounts(records);
      const sites = new Set(records.map((r) => r.site)).size;
      return `Imported ${records.length} line(s) for ${sites} site(s) into ${config.storage.engine}.`;
    }
    const text = countsToJsonLines(await storage.exportCounts());
    if (file && file !== '-') writeFileSync(file, text);
    else process.stdout.write(text);
    return `Exported ${text.split('\n').length - 2} line(s) from ${config.storage.engine}.`;
  } finally {
    await storage.close();
  }
}
