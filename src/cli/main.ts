/**
 * The command line: `portal-widgets validate <file-or-url>`. Exit codes: 0 the
 * feed is usable, 1 it is not, 2 wrong usage or unreadable input.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs as parseArgv } from 'node:util';
import { toLang, type Lang } from '../core/locale.js';
import { cliMessages } from './messages.js';
import { checkFeed } from './validate.js';

interface Args {
  command?: string;
  target?: string;
  lang: Lang;
  base: string;
  map?: string;
}

/** Language from --lang, else from the environment (LC_ALL, LC_MESSAGES, LANG): English if it says so, else Vietnamese. */
export function langFrom(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  return toLang(flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '');
}

const OPTIONS = { lang: { type: 'string' }, base: { type: 'string' }, map: { type: 'string' } } as const;

/** `validate <target> [--lang vi|en] [--base URL] [--map JSON]`; `usable` is false for an unknown option or one without its value. */
function parseArgs(argv: string[]): Args & { usable: boolean } {
  // Not strict: the usage message is still shown in the language asked for.
  const { values, positionals } = parseArgv({ args: argv, allowPositionals: true, strict: false, options: OPTIONS });
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    command: positionals[0],
    target: positionals[1],
    lang: langFrom(text(values.lang), process.env),
    base: text(values.base) ?? 'http://localhost/',
    map: text(values.map),
    usable: Object.entries(values).every(([name, v]) => name in OPTIONS && typeof v === 'string'),
  };
}

/** Reads a local file or fetches a URL: the text and the URL its relative links resolve against. */
async function read(target: string, base: string): Promise<{ text: string; url: string }> {
  if (/^https?:\/\//i.test(target)) {
    const res = await fetch(target, { signal: AbortSignal.timeout(15000), headers: { accept: 'application/feed+json, application/json, application/rss+xml, application/atom+xml, */*' } });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return { text: await res.text(), url: res.url || target };
  }
  const text = await readFile(target, 'utf8');
  // A file's relative URLs are read against --base: file: URLs are never allowed in a feed.
  return { text, url: new URL(target.split(/[\\/]/).pop() ?? '', base).href };
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const m = cliMessages[args.lang];
  if (!args.usable || args.command !== 'validate' || !args.target) {
    console.error(m.usage);
    return 2;
  }
  let input: { text: string; url: string };
  try {
    input = await read(args.target, args.base);
  } catch (e) {
    console.error(`${m.source}: ${args.target}\n  ✖ ${(e as Error).message}\n${m.unusable}`);
    return 2;
  }
  if (input.text.trimStart().replace(/^\uFEFF/, '').startsWith('<')) (await import('./xml-dom.js')).installDomParser();
  const report = await checkFeed(input.text, { lang: args.lang, url: input.url, map: args.map });
  console.log([`${m.source}: ${args.target}`, ...report.lines].join('\n'));
  return report.usable ? 0 : 1;
}
