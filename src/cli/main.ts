/**
 * The command line: `portal-widgets validate <file-or-url>`. Exit codes: 0 the
 * feed is usable, 1 it is not, 2 wrong usage or unreadable input.
 */
import type { Lang } from '../core/i18n/index.js';
import { cliMessages } from './messages.js';
import { checkFeed, readTarget, type Target } from './validate.js';

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

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const m = cliMessages[args.lang];
  if (args.command !== 'validate' || !args.target) {
    console.error(m.usage);
    return 2;
  }
  let input: Target;
  try {
    input = await readTarget(args.target, args.base);
  } catch (e) {
    console.error(`${m.source}: ${args.target}\n  ✖ ${(e as Error).message}\n${m.unusable}`);
    return 2;
  }
  const report = await checkFeed(input.text, { lang: args.lang, url: input.url, map: args.map, charset: input.charset });
  console.log([`${m.source}: ${args.target}`, ...report.lines].join('\n'));
  return report.usable ? 0 : 1;
}
