/**
 * The command line: `portal-widgets validate <file-or-url>`. Exit codes: 0 the
 * feed is usable, 1 it is not, 2 wrong usage or unreadable input.
 */
import { readFile } from 'node:fs/promises';
import type { Lang } from '../core/i18n/index.js';
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
  const tag = flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^en\b|^en_/i.test(tag) ? 'en' : 'vi';
}

function parseArgs(argv: string[]): Args {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.match(/^--(\w+)=(.*)$/);
    if (eq) named[eq[1]] = eq[2];
    else if (a.startsWith('--')) named[a.slice(2)] = argv[++i] ?? '';
    else positional.push(a);
  }
  return {
    command: positional[0],
    target: positional[1],
    lang: langFrom(named.lang, process.env),
    base: named.base ?? 'http://localhost/',
    map: named.map,
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
  if (args.command !== 'validate' || !args.target) {
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
