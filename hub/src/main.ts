/**
 * `portal-widgets-hub [--config hub.json]` (or PORTAL_HUB_CONFIG): runs the
 * hub. Without a config it runs the demo portal (`npm start`): the demo pages,
 * the counter, and a feed merging the portal's news with a second agency's.
 * A wrong config stops the start with every error named by its JSON path;
 * `check` reports them without starting, and SIGHUP applies an edited config
 * (a wrong one is refused and the hub keeps running on the one it has).
 */
import { parseArgs } from 'node:util';
import { loadDocuments } from './app.js';
import { ConfigError, demoConfig, readConfigFile, type HubConfig } from './config.js';
import { runCountsCommand } from './counter/counts-command.js';
import { startDemoAgency } from './demo-agency.js';
import { startHub, type RunningHub } from './hub.js';

const USAGE = `Usage: portal-widgets-hub [--config hub.json]   (or PORTAL_HUB_CONFIG=hub.json; none: the demo)
       portal-widgets-hub check --config hub.json     checks the config and its documents, starts nothing (exit 1: errors listed)
       portal-widgets-hub export [--config hub.json] [--out counts.jsonl]   the counts as JSON lines (default: standard output)
       portal-widgets-hub import [--config hub.json] counts.jsonl           sets the totals and days listed (- reads standard input)
Signals: SIGTERM, SIGINT finish the requests in flight and stop; SIGHUP reads the config again and restarts on it if it is valid.`;

/** The config file read and checked, its documents with it: what a start would refuse (`check`, SIGHUP). */
function readWholeConfig(file: string): HubConfig {
  const config = readConfigFile(file);
  loadDocuments(config.documents);
  return config;
}

/** Why the hub could not start, for the operator (a config error named by its key, a port in use…); undefined for a bug. */
function startProblem(e: unknown, config: HubConfig): string | undefined {
  const err = e as NodeJS.ErrnoException;
  if (err instanceof ConfigError) return err.message;
  if (err.code === 'EADDRINUSE') return `Port ${config.listen.port} is in use: set PORT to another one (PORT=0 picks a free one).`;
  if (['ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL'].includes(err.code ?? ''))
    return `Cannot listen on "${config.listen.host}" (${err.code}): HOST (or listen.host) must be an address or name of this machine, e.g. 127.0.0.1, 0.0.0.0 or ::.`;
  return undefined;
}

function announce(hub: RunningHub, config: HubConfig, agencyUrl?: string): void {
  const shown = hub.url.replace('//127.0.0.1:', '//localhost:');
  if (config.serveDemo) console.log(`Demo portal: ${shown}/`);
  const data = config.storage.engine === 'postgres' ? `PostgreSQL at ${config.storage.urlEnv}` : `data in ${config.storage.dataDir}`;
  console.log(`Visit counter: ${shown}/api/visits (${data})`);
  for (const f of config.feeds) console.log(`Feed "${f.title}": ${shown}/feeds/${f.id}.json (and .xml)`);
  if (agencyUrl) console.log(`Second agency's RSS (ISO-8859-1, no CORS): ${agencyUrl}`);
  console.log(`Health: ${shown}/healthz  Metrics: ${shown}/metrics`);
}

async function main(): Promise<void> {
  let file: string | undefined;
  let command: { name: 'check' | 'export' | 'import'; file?: string } | undefined;
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { config: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) return void console.log(USAGE);
    file = values.config ?? process.env.PORTAL_HUB_CONFIG;
    const [name, arg] = positionals;
    if (name === 'export' || name === 'import') command = { name, file: name === 'export' ? values.out : arg };
    else if (name === 'check') command = { name };
    else if (name !== undefined) throw new Error(`Unknown command "${name}".`);
    if (command?.name === 'import' && !command.file) throw new Error('import needs the file to read (or - for standard input).');
    if (command?.name === 'check' && !file) throw new Error('check needs the config file (--config hub.json or PORTAL_HUB_CONFIG).');
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }

  if (command?.name === 'check') {
    try {
      const config = readWholeConfig(file!);
      console.log(`${file}: valid (${config.sites.length} site(s), ${config.feeds.length} feed(s), ${config.documents.length} document(s)).`);
      process.exit(0);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      console.error(`${file}: ${e.message}`);
      process.exit(1);
    }
  }
  if (command) {
    try {
      console.error(await runCountsCommand(command.name, file ? readConfigFile(file) : demoConfig(process.env, process.cwd()), command.file));
      process.exit(0);
    } catch (e) {
      console.error(`${command.name} failed: ${(e as Error).message}`);
      process.exit(1);
    }
  }

  let config: HubConfig;
  let agency: Awaited<ReturnType<typeof startDemoAgency>> | undefined;
  try {
    if (file) config = readConfigFile(file);
    else {
      agency = await startDemoAgency();
      config = demoConfig(process.env, process.cwd(), agency.url);
    }
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(1);
  }

  let running: RunningHub;
  try {
    running = await startHub(config);
  } catch (e) {
    console.error(startProblem(e, config) ?? e);
    process.exit(1);
  }
  const stop = (signal: string) => {
    console.log(`${signal}: finishing the requests in flight, then stopping.`);
    agency?.server.close();
    running.stop().then(
      () => process.exit(0),
      (e) => (console.error(e), process.exit(1)),
    );
  };
  /**
   * The config file read again: a wrong one is refused before anything stops (the hub goes on as it was);
   * a valid one is applied as a restart in this process (requests in flight finish on the old config; new
   * connections are refused until the new one listens). If it cannot start (a port in use, a database that
   * refuses), the hub starts again on the config it had.
   */
  const reload = async () => {
    if (!file) return void console.log('SIGHUP: the demo has no config file to read again; still running.');
    let next: HubConfig;
    try {
      next = readWholeConfig(file);
    } catch (e) {
      return void console.error(`SIGHUP: ${file} refused, still running on the config read before.\n${e instanceof ConfigError ? e.message : String(e)}`);
    }
    console.log(`SIGHUP: ${file} is valid; finishing the requests in flight, then restarting on it.`);
    await running.stop();
    try {
      running = await startHub(next);
      config = next;
    } catch (e) {
      console.error(`SIGHUP: the new config did not start, back on the one read before.\n${startProblem(e, next) ?? String(e)}`);
      running = await startHub(config);
    }
    announce(running, config);
  };
  let reloading: Promise<void> | undefined;
  // The handlers before the first line: a signal that comes once the start is announced (a supervisor, a test
  // that read the line) must find them, not the default action, which ends the process at once (SIGHUP too).
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => {
    // One reload at a time: a SIGHUP during one is dropped (sent again once the restart is announced, it is read).
    reloading ??= reload()
      .catch((e) => (console.error(`SIGHUP: the hub could not start again: ${startProblem(e, config) ?? String(e)}`), process.exit(1)))
      .finally(() => (reloading = undefined));
  });
  announce(running, config, agency?.url);
}

await main();
