#!/usr/bin/env node
/**
 * `npm run loadtest` (not part of npm test): autocannon against the hub (the demo,
 * no config) on 127.0.0.1, then a check that the stored total equals the visits the
 * server acknowledged as counted.
 *
 *   1. steady: DURATION s (default 30) of concurrent POST /api/visits from many
 *      simulated visitors; prints requests/s and latency p50/p99.
 *   2. crash: the same load, the server killed with SIGKILL in the middle and
 *      started again on the same port and data folder.
 *
 * Simulated visitors: the server runs with TRUST_PROXY=1 (only in this test: a
 * real deployment sets it only behind its own proxy), so each request carries a
 * visitor's address in X-Forwarded-For and a user agent. Three requests in four
 * come from a new visitor, the fourth from one seen a thousand requests earlier
 * (within 30 minutes: not counted again), so the total grows all through the
 * run and the 30-minute rule is exercised too. A visit is "acknowledged as
 * counted" when its 200 answer says `"counted": true`, which the server sends
 * only after the transaction commits.
 *
 * Env: DURATION (s, default 30), CONNECTIONS (default 50). Localhost only; every wait is bounded.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DURATION = Number(process.env.DURATION ?? 30);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const HOST = '127.0.0.1';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, HOST, r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

/** Starts the server (node + tsx, no build needed) and resolves once it listens. */
async function startServer(port, dataDir) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/src/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST, DATA_DIR: dataDir, TRUST_PROXY: '1', RATE_LIMIT: '60' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 20 s')), 20_000);
    child.stdout.on('data', (d) => {
      if (!String(d).includes('Demo portal:')) return;
      clearTimeout(timer);
      resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

async function stopServer(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await Promise.race([exited, sleep(10_000)]);
}

async function storedTotal(port) {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const res = await fetch(`http://${HOST}:${port}/api/visits`);
      return (await res.json()).total;
    } catch {
      await sleep(200);
    }
  }
  throw new Error('could not read the total');
}

/**
 * One autocannon run of `duration` s. POSTs stop TAIL s before the end (GETs,
 * which never count, fill the tail): autocannon drops the answers in flight
 * when it stops, and a POST without its answer could not be tallied.
 */
const TAIL = 2;
function load(port, duration) {
  const tally = { counted: 0, notCounted: 0, limited: 0, other: 0, gets: 0 };
  /** Visitors whose POST was sent and not answered yet (how many times). */
  const pending = new Map();
  /** Visitors with at least one answered visit. */
  const answered = new Set();
  const postUntil = Date.now() + (duration - TAIL) * 1000;
  let n = 0;
  const instance = autocannon({
    url: `http://${HOST}:${port}`,
    connections: CONNECTIONS,
    duration,
    timeout: 5,
    requests: [
      {
        method: 'POST',
        path: '/api/visits',
        body: '{}',
        setupRequest: (req, context) => {
          if (Date.now() > postUntil) {
            context.visitor = undefined;
            return { ...req, method: 'GET', body: undefined, headers: {} };
          }
          const i = n++;
          const v = i % 4 === 3 && i > 1000 ? visitorOf(i - 1001) : visitorOf(i);
          context.visitor = v;
          pending.set(v, (pending.get(v) ?? 0) + 1);
          return { ...req, method: 'POST', body: '{}', headers: visitorHeaders(v) };
        },
        onResponse: (status, body, context) => {
          const v = context.visitor;
          if (v === undefined) return void tally.gets++;
          context.visitor = undefined;
          if (status === 200) answered.add(v);
          const left = (pending.get(v) ?? 1) - 1;
          if (left > 0) pending.set(v, left);
          else pending.delete(v);
          if (status === 200) {
            try {
              if (JSON.parse(body).counted) tally.counted++;
              else tally.notCounted++;
            } catch {
              tally.other++;
            }
          } else if (status === 429) tally.limited++;
          else tally.other++;
        },
      },
    ],
  });
  return { instance, done: instance.then((result) => ({ result, tally, pending, answered })) };
}

/** Request i's visitor when it is a new one (a repeat uses an earlier request's). */
const visitorOf = (i) => i - Math.floor(i / 4);

/** Visitor v: a stable address and browser. */
function visitorHeaders(v) {
  return {
    'content-type': 'text/plain;charset=UTF-8',
    'x-forwarded-for': `10.${(v >> 16) & 255}.${(v >> 8) & 255}.${v & 255}`,
    'user-agent': `Mozilla/5.0 (loadtest; visitor ${v % 13}) Chrome/130`,
  };
}

/**
 * Visits sent whose answer never came (the connection died with the server):
 * sent again, as a browser's retry would. The 30-minute rule makes that safe:
 * for a visitor with no counted visit before, "counted": false means the lost
 * one had been committed before the kill.
 */
async function reconcile(port, pending, tally, answered) {
  let committedUnanswered = 0;
  for (const v of pending.keys()) {
    if (answered.has(v)) {
      // A repeat visitor: resend it all the same (an ordinary retry), nothing to learn.
      const res = await fetch(`http://${HOST}:${port}/api/visits`, { method: 'POST', body: '{}', headers: visitorHeaders(v) });
      if ((await res.json()).counted) tally.counted++;
      else tally.notCounted++;
      continue;
    }
    const res = await fetch(`http://${HOST}:${port}/api/visits`, { method: 'POST', body: '{}', headers: visitorHeaders(v) });
    const body = await res.json();
    if (res.status !== 200) tally.other++;
    else if (body.counted) tally.counted++;
    else {
      committedUnanswered++;
      tally.notCounted++;
    }
  }
  return committedUnanswered;
}

function report(name, { result, tally }, total) {
  console.log(`\n== ${name} ==`);
  console.log(`  ${result.duration.toFixed(1)} s, ${CONNECTIONS} connections, POSTs from simulated visitors for ${DURATION - TAIL} s, then ${TAIL} s of GETs`);
  console.log(`  requests: ${result.requests.total} (${result.requests.average.toFixed(0)} req/s average, ${result.non2xx} non-2xx, ${result.errors} connection errors, ${result.timeouts} time-outs)`);
  const posts = tally.counted + tally.notCounted + tally.limited + tally.other;
  console.log(`  POSTs: ${posts} answered in ${DURATION - TAIL} s = ${(posts / (DURATION - TAIL)).toFixed(0)} POST/s`);
  console.log(`  latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`  POST answers: ${tally.counted} counted, ${tally.notCounted} not counted (same visitor within 30 min), ${tally.limited} rate-limited, ${tally.other} other; GETs: ${tally.gets}`);
  console.log(`  stored total: ${total}; acknowledged as counted: ${tally.counted}`);
  const ok = total === tally.counted;
  console.log(ok ? '  ✔ stored total = acknowledged visits' : `  ✘ stored total ≠ acknowledged visits (difference ${total - tally.counted})`);
  return ok;
}

const dirs = [];
const children = new Set();
let failed = false;
try {
  // 1. Steady load.
  {
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-loadtest-'));
    dirs.push(dir);
    const port = await freePort();
    const server = await startServer(port, dir);
    children.add(server);
    const { done } = load(port, DURATION);
    const run = await done;
    if (run.pending.size) console.log(`  ${run.pending.size} POST(s) without an answer: sent again`);
    await reconcile(port, run.pending, run.tally, run.answered);
    if (!report('steady load', run, await storedTotal(port))) failed = true;
    await stopServer(server);
    children.delete(server);
  }

  // 2. SIGKILL in the middle, then a restart on the same port and data.
  {
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-loadtest-'));
    dirs.push(dir);
    const port = await freePort();
    let server = await startServer(port, dir);
    children.add(server);
    const { done } = load(port, DURATION);
    await sleep((DURATION * 1000) / 2);
    const killedAt = Date.now();
    await stopServer(server, 'SIGKILL');
    children.delete(server);
    console.log(`\n  (server killed with SIGKILL after ${DURATION / 2} s; restarting)`);
    server = await startServer(port, dir);
    children.add(server);
    console.log(`  (back after ${Date.now() - killedAt} ms)`);
    const run = await done;
    const beforeRetry = await storedTotal(port);
    const unanswered = run.pending.size;
    const ackedBefore = run.tally.counted;
    const committed = await reconcile(port, run.pending, run.tally, run.answered);
    console.log(`\n  Before any retry: stored ${beforeRetry}, acknowledged ${ackedBefore}: ${beforeRetry >= ackedBefore ? 'no acknowledged visit lost' : 'ACKNOWLEDGED VISITS LOST'}.`);
    console.log(`  ${unanswered} POST(s) got no answer (in flight at the kill, or refused while the server was down) and were sent again;`);
    console.log(`  ${committed} of them had been committed before the kill (the retry answered "counted": false for a first visit).`);
    if (!report('SIGKILL mid-run and restart', run, await storedTotal(port))) failed = true;
    await stopServer(server);
    children.delete(server);
  }
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  for (const child of children) await stopServer(child, 'SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
