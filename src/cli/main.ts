/**
 * The command line: `portal-widgets validate <file-or-url>`. Exit codes: 0 the
 * feed is usable, 1 it is not, 2 wrong usage (a bad --map too) or unreadable input.
 */
import { parseArgs as parseArgv } from 'node:util';
import { toPortalError } from '../core/errors.js';
import { parseFieldMap } from '../core/formats/field-map.js';
import type { FieldMap } from '../core/formats/json-value.js';
import { toLang, type Lang } from '../core/locale.js';
import { cliMessages } from './messages.js';
import { checkFeed, errorText, readFailure, readTarget, type Target } from './validate.js';

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

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const m = cliMessages[args.lang];
  if (!args.usable || args.command !== 'validate' || !args.target) {
    console.error(m.usage);
    return 2;
  }
  let map: FieldMap | undefined;
  try {
    map = args.map === undefined ? undefined : parseFieldMap(args.map);
  } catch (e) {
    console.error(`  ✖ --map: ${errorText(toPortalError(e), args.lang)}\n\n${m.usage}`);
    return 2;
  }
  let input: Target;
  try {
    input = await readTarget(args.target, args.base);
  } catch (e) {
    console.error(`${m.source}: ${args.target}\n  ✖ ${m.unreadable(readFailure(e))}\n${m.unusable}`);
    return 2;
  }
  const report = await checkFeed(input.text, { lang: args.lang, url: input.url, map, charset: input.charset });
  console.log([`${m.source}: ${args.target}`, ...report.lines].join('\n'));
  return report.usable ? 0 : 1;
}
