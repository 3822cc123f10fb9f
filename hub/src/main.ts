/**
 * `portal-widgets-hub [--config hub.json]` (or PORTAL_HUB_CONFIG): runs the
 * hub. Without a config it runs the demo portal (`npm start`): the demo pages,
 * the counter, and a feed merging the portal's news with a second agency's.
 * A wrong config stops the start with every error named by its JSON path.
 */
import { parseArgs } from 'node:util';
import { ConfigError, demoConfig, readConfigFile, type HubConfig } from './config.js';
import { runCountsCommand } from './counter/counts-command.js';
import { startDemoAgency } from './demo-agency.js';
import { startHub } from './hub.js';

const USAGE = `Usage: portal-widgets-hub [--config hub.json]   (or PORTAL_HUB_CONFIG=hub.json; none: the demo)
       portal-widgets-hub export [--config hub.json] [--out counts.jsonl]   the counts as JSON lines (default: standard output)
       portal-widgets-hub import [--config hub.json] counts.jsonl           sets the totals and days listed (- reads standard input)`;

async function main(): Promise<void> {
  let file: string | undefined;
  let command: { name: 'export' | 'import'; file?: string } | undefined;
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { config: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) return void console.log(USAGE);
    file = values.config ?? process.env.PORTAL_HUB_CONFIG;
    const [name, arg] = positionals;
    if (name === 'export' || name === 'import') command = { name, file: name === 'export' ? values.out : arg };
    else if (name !== undefined) throw new Error(`Unknown command "${name}".`);
    if (command?.name === 'import' && !command.file) throw new Error('import needs the file to read (or - for standard input).');
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }

  let config: HubConfig;
  let agency: Awaited<ReturnType<typeof startDemoAgency>> | undefined;
  if (command) {
    try {
      console.error(await runCountsCommand(command.name, file ? readConfigFile(file) : demoConfig(process.env, process.cwd()), command.file));
      process.exit(0);
    } catch (e) {
      console.error(`${command.name} failed: ${(e as Error).message}`);
      process.exit(1);
    }
  }
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

  let hub;
  try {
    hub = await startHub(config);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err instanceof ConfigError) console.error(err.message);
    else if (err.code === 'EADDRINUSE') console.error(`Port ${config.listen.port} is in use: set PORT to another one (PORT=0 picks a free one).`);
    else if (['ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL'].includes(err.code ?? ''))
      console.error(`Cannot listen on "${config.listen.host}" (${err.code}): HOST (or listen.host) must be an address or name of this machine, e.g. 127.0.0.1, 0.0.0.0 or ::.`);
    else console.error(err);
    process.exit(1);
  }
  const shown = hub.url.replace('//127.0.0.1:', '//localhost:');
  if (config.serveDemo) console.log(`Demo portal: ${shown}/`);
  const data = config.storage.engine === 'postgres' ? `PostgreSQL at ${config.storage.urlEnv}` : `data in ${config.storage.dataDir}`;
  console.log(`Visit counter: ${shown}/api/visits (${data})`);
  for (const f of config.feeds) console.log(`Feed "${f.title}": ${shown}/feeds/${f.id}.json (and .xml)`);
  if (agency) console.log(`Second agency's RSS (ISO-8859-1, no CORS): ${agency.url}`);
  console.log(`Health: ${shown}/healthz  Metrics: ${shown}/metrics`);

  const running = hub;
  const stop = (signal: string) => {
    console.log(`${signal}: finishing the requests in flight, then stopping.`);
    agency?.server.close();
    running.stop().then(
      () => process.exit(0),
      (e) => (console.error(e), process.exit(1)),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

await main();
