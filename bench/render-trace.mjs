/**
 * `npm run bench:peers -- --trace`: where a list's first render spends its
 * time, beside the baseline, from a Chromium performance trace of each page
 * (412 px, CPU 4×, the pages of bench/peers.mjs): when the page's scripts,
 * its feed and its LCP arrive (ms from navigation), the main thread's time
 * by kind (script compile and run, HTML parse, style recalc, layout, paint,
 * GC) overall and from the feed's arrival to the LCP, and, from a CPU
 * profile of another load, the modules and functions with the most self
 * time. Medians of `runs` loads each. TRACE_NAMES=1 also lists the trace
 * events each kind holds; `--trace-dir DIR` keeps each trace (DevTools'
 * Performance panel opens them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The CPU sampler too: what script ran inside each long task (longTasks).
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'loading', 'blink.user_timing', 'v8.execute', 'v8', 'disabled-by-default-v8.cpu_profiler'];

/** Trace event names → the kind of main-thread work they are (unnamed children take their parent's). */
const KINDS = {
  ParseHTML: 'HTML parse',
  ParseAuthorStyleSheet: 'style recalc',
  UpdateLayoutTree: 'style recalc',
  RecalculateStyles: 'style recalc',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  Commit: 'paint',
  HitTest: 'paint',
  'v8.compile': 'script compile',
  'v8.compileModule': 'script compile',
  'V8.CompileCode': 'script compile',
  'v8.parseOnBackground': 'script compile',
  CacheScript: 'script compile',
  EvaluateScript: 'script run',
  'v8.evaluateModule': 'script run',
  FunctionCall: 'script run',
  TimerFire: 'script run',
  FireAnimationFrame: 'script run',
  EventDispatch: 'script run',
  RunMicrotasks: 'script run',
  'v8.run': 'script run',
  'v8.callFunction': 'script run',
  MinorGC: 'GC',
  MajorGC: 'GC',
  'V8.GC_SCAVENGER': 'GC',
  'V8.GCScavenger': 'GC',
  'V8.GCFinalizeMC': 'GC',
  'V8.GCIncrementalMarking': 'GC',
  BlinkGC: 'GC',
};
// 'other': a task's own time outside any named work (scheduling, IPC, and the pauses CPU throttling inserts).
const KIND_ORDER = ['script compile', 'script run', 'HTML parse', 'style recalc', 'layout', 'paint', 'GC', 'other'];

/** With TRACE_NAMES set: self time by kind and event name, to see what a kind holds. */
const eventNames = new Map();

/** The page's renderer main thread: the one of the process the traced frame lives in. */
function mainThread(events) {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((f) => !f.parent)?.processId;
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pid === undefined || e.pid === pid));
  // Without the browser's word, the busiest renderer main thread.
  const count = (m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  return main && { pid: main.pid, tid: main.tid };
}

/** Self time (ms) of the main thread's work by kind, for complete events overlapping [from, to] (µs). */
export function timeByKind(events, thread, from, to) {
  const xs = events
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur > 0 && e.ts + e.dur > from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = Object.fromEntries(KIND_ORDER.map((k) => [k, 0]));
  const stack = [];
  const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from));
  const credit = (frame) => {
    const ms = Math.max(0, frame.self) / 1000;
    totals[frame.kind] += ms;
    if (process.env.TRACE_NAMES) eventNames.set(`${frame.kind}: ${frame.name}`, (eventNames.get(`${frame.kind}: ${frame.name}`) ?? 0) + ms);
  };
  for (const e of xs) {
    while (stack.length && stack.at(-1).end <= e.ts) credit(stack.pop());
    const parent = stack.at(-1);
    const frame = { end: e.ts + e.dur, kind: KINDS[e.name] ?? parent?.kind ?? 'other', name: e.name, self: clip(e) };
    if (parent) parent.self -= clip(e);
    stack.push(frame);
  }
  while (stack.length) credit(stack.pop());
  return totals;
}

/** The trace's CPU samples of `thread`: [{ts (µs), frame}], frame being the sampled function's callFrame. */
export function traceSamples(events, thread) {
  const profiles = new Map();
  for (const e of events) {
    if (e.ph !== 'P' || e.pid !== thread.pid) continue;
    // The profile starts on the thread it samples; its chunks come from the sampler's thread.
    if (e.name === 'Profile' && e.tid === thread.tid) profiles.set(e.id, { time: e.args.data.startTime, nodes: new Map(), samples: [] });
    const p = profiles.get(e.id);
    const data = e.args?.data;
    if (e.name !== 'ProfileChunk' || !p) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n.callFrame);
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      p.time += deltas[i] ?? 0;
      p.samples.push({ ts: p.time, id });
    });
  }
  return [...profiles.values()].flatMap((p) => p.samples.map(({ ts, id }) => ({ ts, frame: p.nodes.get(id) })));
}

/**
 * The main thread's long tasks (over 50 ms: what TBT counts), from navigation to `to` (µs): when (ms from
 * `nav`), how long, its self time by kind, and the script files
 * and functions its CPU samples fell in (ms, the largest first).
 */
export function longTasks(events, thread, nav, to = Infinity, top = 8) {
  const own = events.filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid);
  const tasks = [];
  for (const e of own.filter((x) => (x.name === 'RunTask' || x.name === 'ThreadControllerImpl::RunTask') && x.ts >= nav && x.ts < to).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = tasks.at(-1);
    if (!last || e.ts >= last.ts + last.dur) tasks.push(e); // the outermost: a RunTask inside a RunTask is the same task
  }
  const samples = traceSamples(events, thread);
  return tasks
    .filter((t) => t.dur > 50_000)
    .map((t) => {
      const end = t.ts + t.dur;
      const inside = (e) => e.ts >= t.ts && e.ts < end;
      const file = (url) => (url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') : '');
      const byFile = new Map();
      const byFunction = new Map();
      const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
      const sampled = samples.filter((s) => inside(s) && s.frame && !['(idle)', '(program)', '(root)'].includes(s.frame.functionName));
      sampled.forEach((s, i) => {
        // A sample stands for the time to the next one (the last: the sampler's 0.1 ms default).
        const ms = ((sampled[i + 1]?.ts ?? s.ts + 100) - s.ts) / 1000;
        const f = file(s.frame.url);
        add(byFile, f || s.frame.functionName, Math.min(ms, 1));
        add(byFunction, `${s.frame.functionName || '(anonymous)'}${f ? ` ${f}:${s.frame.lineNumber + 1}` : ''}`, Math.min(ms, 1));
      });
      const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
      return {
        start: (t.ts - nav) / 1000,
        ms: t.dur / 1000,
        kinds: timeByKind(events, thread, t.ts, end),
        byFile: sorted(byFile),
        byFunction: sorted(byFunction),
      };
    });
}

/** Milestones (ms from navigation) of one trace: the last script in, the feed asked and in, the last LCP candidate. */
export function milestones(events, feedPattern) {
  const nav = events.find((e) => e.name === 'navigationStart')?.ts;
  const requests = new Map();
  for (const e of events) if (e.name === 'ResourceSendRequest') requests.set(e.args.data.requestId, { url: e.args.data.url, sent: e.ts });
  const finished = events
    .filter((e) => e.name === 'ResourceFinish' && requests.has(e.args.data.requestId))
    .map((e) => ({ ...requests.get(e.args.data.requestId), done: e.args.data.finishTime ? e.args.data.finishTime * 1e6 : e.ts }));
  const lcps = events.filter((e) => e.name === 'largestContentfulPaint::Candidate');
  const ms = (ts) => (ts === undefined || nav === undefined ? null : (ts - nav) / 1000);
  const scripts = finished.filter((f) => /\.js(\?|$)/.test(f.url));
  const feed = finished.find((f) => feedPattern.test(f.url));
  return {
    nav,
    scriptsDone: ms(scripts.length ? Math.max(...scripts.map((s) => s.done)) : undefined),
    feedSent: ms(feed?.sent),
    feedDone: ms(feed?.done),
    lcp: ms(lcps.at(-1)?.ts),
    feedDoneTs: feed?.done,
    lcpTs: lcps.at(-1)?.ts,
  };
}

/** Line (0-based) → the source module an unminified esbuild bundle says it comes from (its `// path` comments). */
export function moduleLines(bundle) {
  const modules = [];
  let current = '(bundle)';
  for (const line of bundle.split('\n')) {
    const m = /^\/\/ ((?:src|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(line);
    if (m) current = m[1].replace(/^(node_modules|src)\//, '');
    modules.push(current);
  }
  return modules;
}

/**
 * A CPU profile's self time (ms), the largest first, by function and by
 * module: a file's own name, or the module its line comes from where the
 * file's source is given (`sources`: file name → unminified bundle).
 */
export function selfTime(profile, sources = {}, top = 12) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const lines = Object.fromEntries(Object.entries(sources).map(([file, text]) => [file, moduleLines(text)]));
  const byFunction = new Map();
  const byModule = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    if (['(idle)', '(program)', '(root)'].includes(f.functionName)) return;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    const module = lines[file]?.[f.lineNumber] ?? (file || f.functionName);
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    add(byFunction, `${f.functionName || '(anonymous)'}  ${module}${file ? `:${f.lineNumber + 1}` : ''}`, ms);
    add(byModule, module, ms);
  });
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { byFunction: sorted(byFunction), byModule: sorted(byModule) };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const f0 = (x) => (x === null ? '–' : x.toFixed(0));

/** Loads `page` in a fresh tab with `record` around it (start before, stop after the items are in the DOM). */
async function recordedLoad(openTab, url, page, record) {
  const { context, tab, cdp } = await openTab();
  try {
    const stop = await record(tab, cdp);
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForFunction(page.done, { timeout: 60_000, polling: 50 });
    return await stop();
  } finally {
    await context.close();
  }
}

const tracing = async (tab) => {
  await tab.tracing.start({ categories: CATEGORIES });
  return async () => {
    await new Promise((r) => setTimeout(r, 500)); // the paint after the last DOM change
    return JSON.parse(new TextDecoder().decode(await tab.tracing.stop())).traceEvents;
  };
};

const profiling = async (tab, cdp) => {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile;
};

/** Prints, per size and page, the milestones and the main thread's time by kind; then where the library pages' script time goes. */
export async function traceRender({ openTab, url, port, pages, names, sizes, runs, setPage, sources = {}, traceDir }) {
  if (traceDir) mkdirSync(traceDir, { recursive: true });
  console.log(`Render trace: 412 px, CPU 4×, median of ${runs} traced load(s) per page; ms (throttled) from navigation.`);
  for (const n of sizes) {
    console.log(`\n${n} items`);
    console.log(`  ${'page'.padEnd(28)} ${'scripts in'.padStart(10)} ${'feed asked'.padStart(10)} ${'feed in'.padStart(8)} ${'LCP'.padStart(6)} ${'in→LCP'.padStart(7)}   main thread from feed in to LCP: ${KIND_ORDER.join(' / ')}`);
    const wholeByPage = {};
    const longByPage = {};
    for (const name of names) {
      const page = pages[name](n, port);
      const feedPattern = new RegExp(`/(feed|feedrapp)-${n}`);
      const loads = [];
      for (let i = 0; i < runs; i++) {
        setPage(page);
        const events = await recordedLoad(openTab, url, page, tracing);
        if (traceDir) writeFileSync(path.join(traceDir, `${name.replace(/\W+/g, '-')}-${n}-${i + 1}.json`), JSON.stringify({ traceEvents: events }));
        const thread = mainThread(events);
        const m = milestones(events, feedPattern);
        const afterFeed = thread && m.feedDoneTs !== undefined && m.lcpTs !== undefined ? timeByKind(events, thread, m.feedDoneTs, m.lcpTs) : null;
        const whole = thread && m.lcpTs !== undefined ? timeByKind(events, thread, m.nav, m.lcpTs) : null;
        loads.push({ m, afterFeed, whole, long: thread && m.nav !== undefined ? longTasks(events, thread, m.nav) : [] });
      }
      const med = (f) => median(loads.map(f));
      const kinds = (part) => KIND_ORDER.map((k) => f0(med((l) => l[part]?.[k] ?? null))).join(' / ');
      const m = (k) => f0(med((l) => l.m[k]));
      console.log(`  ${name.padEnd(28)} ${m('scriptsDone').padStart(10)} ${m('feedSent').padStart(10)} ${m('feedDone').padStart(8)} ${m('lcp').padStart(6)} ${f0(med((l) => l.m.lcp - l.m.feedDone)).padStart(7)}   ${kinds('afterFeed')}`);
      wholeByPage[name] = kinds('whole');
      longByPage[name] = loads.map((l) => l.long);
    }
    if (process.env.TRACE_NAMES) {
      console.log([...eventNames].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `    ${v.toFixed(0).padStart(6)}  ${k}`).join('\n'));
      eventNames.clear();
    }
    console.log(`\n  main thread from navigation to LCP (${KIND_ORDER.join(' / ')}):`);
    for (const [name, k] of Object.entries(wholeByPage)) console.log(`  ${name.padEnd(28)} ${k}`);
    console.log(`\n  long tasks (over 50 ms) of each traced load: ms from navigation, length, main thread by kind (${KIND_ORDER.join(' / ')}); script time by file | function (CPU samples):`);
    for (const [name, byLoad] of Object.entries(longByPage)) {
      const sum = (tasks) => tasks.reduce((t, x) => t + x.ms - 50, 0);
      console.log(`  ${name}: ${byLoad.map((tasks) => `${tasks.length} (${f0(sum(tasks))} ms over 50)`).join(', ')}`);
      byLoad.forEach((tasks, i) => {
        for (const t of tasks) {
          const list = (xs) => xs.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
          console.log(`    load ${i + 1}: at ${f0(t.start)} ms, ${f0(t.ms)} ms: ${KIND_ORDER.map((k) => f0(t.kinds[k])).join(' / ')}${t.byFile.length ? `\n      ${list(t.byFile)} | ${list(t.byFunction)}` : ''}`);
        }
      });
    }
    for (const name of names.filter((x) => x.startsWith('portal-widgets'))) {
      const page = pages[name](n, port);
      setPage(page);
      const { byFunction, byModule } = selfTime(await recordedLoad(openTab, url, page, profiling), sources);
      console.log(`\n  ${name}, ${n} items: self time (one profiled load, navigation to the items in the DOM, ms), by module | by function:`);
      for (let i = 0; i < Math.max(byFunction.length, byModule.length); i++) {
        const mod = byModule[i] ? `${byModule[i][1].toFixed(1).padStart(7)}  ${byModule[i][0]}` : '';
        const fn = byFunction[i] ? `${byFunction[i][1].toFixed(1).padStart(7)}  ${byFunction[i][0]}` : '';
        console.log(`  ${mod.padEnd(60)} | ${fn}`);
      }
    }
  }
}
