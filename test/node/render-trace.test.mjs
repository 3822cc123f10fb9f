/**
 * `npm run bench:peers -- --trace`'s reading of a trace and of a CPU profile,
 * without a browser: self time by kind (nested events, clipped to a window),
 * the milestones, and profile samples mapped to the modules of a bundle.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { milestones, moduleLines, selfTime, timeByKind } from '../../bench/render-trace.mjs';

const thread = { pid: 1, tid: 2 };
const X = (name, ts, dur, where = thread) => ({ ph: 'X', name, ts, dur, ...where });

test('self time by kind: children take their own kind or their parent\'s, the window clips', () => {
  const events = [
    X('RunTask', 0, 10_000), // 10 ms task: 3 ms of its own
    X('FunctionCall', 1_000, 6_000), // 6 ms of script, 2 ms of it its own
    X('v8.callFunction', 1_500, 1_000), // unnamed here: script (its parent's kind)
    X('Layout', 3_000, 3_000), // forced layout inside the script: 3 ms layout
    X('ParseHTML', 8_000, 1_000),
    X('Layout', 20_000, 4_000), // half in the window
    X('Layout', 0, 50_000, { pid: 1, tid: 3 }), // another thread: ignored
  ];
  const t = timeByKind(events, thread, 0, 22_000);
  assert.equal(t['script run'], 3);
  assert.equal(t.layout, 5);
  assert.equal(t['HTML parse'], 1);
  assert.equal(t.other, 3);
  assert.equal(t.paint, 0);
});

test('milestones: the last script, the feed asked and in, the last LCP candidate, from navigation', () => {
  const send = (id, url, ts) => ({ name: 'ResourceSendRequest', ts, args: { data: { requestId: id, url } } });
  const finish = (id, ts) => ({ name: 'ResourceFinish', ts, args: { data: { requestId: id } } });
  const events = [
    { name: 'navigationStart', ts: 1_000_000 },
    send('1', 'http://x/lib/a.js', 1_010_000),
    finish('1', 1_050_000),
    send('2', 'http://x/lib/b.js', 1_020_000),
    finish('2', 1_120_000),
    send('3', 'http://x/feed-20.json', 1_060_000),
    finish('3', 1_200_000),
    { name: 'largestContentfulPaint::Candidate', ts: 1_100_000 },
    { name: 'largestContentfulPaint::Candidate', ts: 1_400_000 },
  ];
  const m = milestones(events, /\/feed-20/);
  assert.deepEqual([m.scriptsDone, m.feedSent, m.feedDone, m.lcp], [120, 60, 200, 400]);
  assert.equal(milestones(events, /\/feed-200/).feedDone, null);
});

test('a profile by module and by function, lines mapped through the bundle\'s module comments', () => {
  const bundle = ['// node_modules/lit-html/lit-html.js', 'function render() {}', '// src/core/dates.ts', 'function formatter() {}', 'formatter();'].join('\n');
  assert.deepEqual(moduleLines(bundle), ['lit-html/lit-html.js', 'lit-html/lit-html.js', 'core/dates.ts', 'core/dates.ts', 'core/dates.ts']);
  const frame = (id, functionName, url = '', lineNumber = 0) => ({ id, callFrame: { functionName, url, lineNumber } });
  const profile = {
    nodes: [frame(1, '(root)'), frame(2, 'render', 'http://x/lib/news-list.js', 1), frame(3, 'formatter', 'http://x/lib/news-list.js', 3), frame(4, '(idle)'), frame(5, 'x', 'http://x/lib/other.js', 9)],
    samples: [2, 3, 3, 4, 5, 3],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000],
  };
  const { byFunction, byModule } = selfTime(profile, { 'news-list.js': bundle });
  assert.deepEqual(byModule, [['core/dates.ts', 3], ['lit-html/lit-html.js', 1], ['other.js', 1]]);
  assert.deepEqual(byFunction[0], ['formatter  core/dates.ts:4', 3]);
});
