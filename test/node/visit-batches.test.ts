/**
 * The group commit's queue (hub/src/storage/visit-batches.ts) on its own, with
 * a `send` the test controls: which visits leave together, what a slow or
 * failing database does to the visits waiting, and what closing does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VisitBatches, type Visit } from '../../hub/src/storage/visit-batches.js';
import { StorageUnavailable } from '../../hub/src/storage/visit-store.js';

const visit = (hash: string): Visit => ({ site: 'site-1', hash, now: 0, start: 0 });
const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));

/** A database the test answers by hand: each call waits until `answer(i)` or `fail(i)`. */
function database() {
  const calls: { hashes: string[]; resolve(r: string[]): void; reject(e: unknown): void }[] = [];
  const send = (visits: Visit[]) => new Promise<string[]>((resolve, reject) => calls.push({ hashes: visits.map((v) => v.hash), resolve, reject }));
  const answer = (i: number) => calls[i].resolve(calls[i].hashes.map((h) => `ok ${h}`));
  return { calls, send, answer };
}
const turn = () => new Promise((r) => setImmediate(r));

describe('visits recorded together (the group commit queue)', () => {
  it('sends the visits of one turn in one call, and those that came meanwhile in the next, each answered in order', async () => {
    const db = database();
    const batches = new VisitBatches(db.send, { inFlight: 1 });
    const first = ['a', 'b', 'c'].map((h) => batches.record(visit(h)));
    await turn();
    const second = ['d', 'e'].map((h) => batches.record(visit(h)));
    await turn();
    assert.deepEqual(db.calls.map((c) => c.hashes), [['a', 'b', 'c']], 'one call in flight: d and e wait for it');
    db.answer(0);
    assert.deepEqual(await Promise.all(first), ['ok a', 'ok b', 'ok c']);
    await turn();
    assert.deepEqual(db.calls.map((c) => c.hashes), [['a', 'b', 'c'], ['d', 'e']]);
    db.answer(1);
    assert.deepEqual(await Promise.all(second), ['ok d', 'ok e']);
  });

  it('fails every visit of a call that fails, and goes on with the next', async () => {
    const db = database();
    const batches = new VisitBatches(db.send, { inFlight: 1 });
    const failed = ['a', 'b'].map((h) => settle(batches.record(visit(h))));
    await turn();
    db.calls[0].reject(new StorageUnavailable(new Error('down')));
    for (const r of await Promise.all(failed)) assert.ok('error' in r && r.error instanceof StorageUnavailable);
    const next = batches.record(visit('c'));
    await turn();
    db.answer(1);
    assert.equal(await next, 'ok c');
  });

  it('refuses, unsent, a visit that waited too long while every call hangs, and a visit beyond the queue bound', async () => {
    const db = database();
    const batches = new VisitBatches(db.send, { inFlight: 1, maxWait: 50, maxWaiting: 3 });
    const inCall = settle(batches.record(visit('a')));
    await turn();
    const waiting = ['b', 'c', 'd'].map((h) => settle(batches.record(visit(h))));
    const beyond = await settle(batches.record(visit('e')));
    assert.ok('error' in beyond && beyond.error instanceof StorageUnavailable && /too many visits waiting/.test(beyond.error.message));
    const t0 = performance.now();
    for (const r of await Promise.all(waiting)) assert.ok('error' in r && r.error instanceof StorageUnavailable && /in time/.test(r.error.message));
    assert.ok(performance.now() - t0 < 1000, 'refused when their time ran out, not when the hanging call ends');
    assert.equal(db.calls.length, 1, 'never sent');
    db.answer(0);
    assert.deepEqual(await inCall, { value: 'ok a' }, 'the call in flight is still answered');
  });

  it('closes by answering the calls in flight and refusing the visits waiting and any new one', async () => {
    const db = database();
    const batches = new VisitBatches(db.send, { inFlight: 1 });
    const inCall = settle(batches.record(visit('a')));
    await turn();
    const waiting = settle(batches.record(visit('b')));
    const closed = batches.close();
    assert.equal(batches.close(), closed, 'closing twice is one close');
    const late = await settle(batches.record(visit('c')));
    assert.ok('error' in late && late.error instanceof StorageUnavailable);
    const w = await waiting;
    assert.ok('error' in w && w.error instanceof StorageUnavailable && /stopping/.test(w.error.message));
    let done = false;
    void closed.then(() => (done = true));
    await turn();
    assert.equal(done, false, 'the close waits for the call in flight');
    db.answer(0);
    await closed;
    assert.deepEqual(await inCall, { value: 'ok a' });
    assert.equal(db.calls.length, 1);
    await new VisitBatches(db.send, { inFlight: 1 }).close(); // nothing in flight: at once
  });
});
