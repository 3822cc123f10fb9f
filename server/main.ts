/**
 * `npm start` (after the build): the demo portal and the visit counter on one
 * localhost port, printed. Settings from the environment (server/config.ts).
 */
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { VisitStore } from './store.js';

const config = readConfig();
const store = new VisitStore({ dataDir: config.dataDir, timeZone: config.timeZone, counterStart: config.counterStart });
const server = createApp({ config, store });

server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${config.port} is in use: set PORT to another one (PORT=0 picks a free one).` : e);
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const host = config.host === '127.0.0.1' || config.host === '::1' || config.host === 'localhost' ? 'localhost' : config.host;
  console.log(`Demo portal: http://${host}:${port}/`);
  console.log(`Visit counter: http://${host}:${port}/api/visits (data in ${config.dataDir})`);
});

function stop(): void {
  server.close();
  server.closeAllConnections();
  store.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
