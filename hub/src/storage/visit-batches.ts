/**
 * Group commit for the visits of one hub: the visits that arrive while the
 * hub's previous calls are committing leave together, as one call and one
 * transaction (`record_visits`, migrations.ts version 5), and each is answered
 * only once that transaction has committed. A durable commit (its WAL flush,
 * a backend woken, the round trip) is most of what a visit costs PostgreSQL,
 * so under load a few commits carry many visits, and when the hub is quiet a
 * visit leaves at once, alone. Nothing is acknowledged early: a call that
 * fails fails every visit in it.
 *
 * A database that is slow rather than down must not pile visits up: a visit
 * that waited `maxWait` for a call is refused without being sent (a timer
 * wakes the queue then, even while every call is still in flight),
 * and beyond `maxWaiting` visits a new one is refused at once (503 upstream,
 * nothing recorded, as when the database is down).
 */
import { StorageUnavailable } from './visit-store.js';

export interface Visit {
  site: string;
  hash: string;
  now: number;
  /** The site's total before its first visit (its configured start). */
  start: number;
}

interface Waiting<R> {
  visit: Visit;
  since: number;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface VisitBatchesOptions {
  /** Calls committing at once: the visits beyond them wait for the next call. */
  inFlight: number;
  /** Visits in one call at most (a bound on one transaction's size and locks). */
  maxBatch?: number;
  /** Milliseconds a visit may wait for a call before it is refused unsent (default 8000, the hub's query timeout). */
  maxWait?: number;
  /** Visits waiting at most; more are refused at once (default 10 000). */
  maxWaiting?: number;
}

export class VisitBatches<R> {
  private waiting: Waiting<R>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private closing?: Promise<void>;
  private drained?: () => void;
  /** Wakes the queue when its oldest visit runs out of time, calls in flight or not. */
  private deadline?: ReturnType<typeof setTimeout>;
  private deadlineFor?: number;

  /** @param send records the visits given in one transaction and answers them in order */
  constructor(
    private readonly send: (visits: Visit[]) => Promise<R[]>,
    private readonly options: VisitBatchesOptions,
  ) {}

  record(visit: Visit): Promise<R> {
    if (this.closing) return Promise.reject(new StorageUnavailable(new Error('the hub is stopping')));
    if (this.waiting.length >= (this.options.maxWaiting ?? 10_000)) return Promise.reject(new StorageUnavailable(new Error('too many visits waiting for the database')));
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ visit, since: performance.now(), resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the poll phase: every request read in this turn of the event loop has queued its visit by then.
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const maxWait = this.options.maxWait ?? 8000;
    const oldest = performance.now() - maxWait;
    while (this.waiting.length && this.waiting[0].since <= oldest) {
      this.waiting.shift()!.reject(new StorageUnavailable(new Error('no answer from the database in time')));
    }
    while (this.waiting.length && this.inFlight < this.options.inFlight) {
      const batch = this.waiting.splice(0, this.options.maxBatch ?? 256);
      this.inFlight++;
      this.send(batch.map((w) => w.visit))
        .then(
          (results) => batch.forEach((w, i) => w.resolve(results[i])),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          this.inFlight--;
          // The visits that came in while this call committed leave now, together.
          this.flush();
          if (!this.inFlight) this.drained?.();
        });
    }
    // Re-armed only when the oldest waiting visit changed: under load this runs a thousand times a second.
    const head = this.waiting[0]?.since;
    if (head === this.deadlineFor) return;
    clearTimeout(this.deadline);
    this.deadlineFor = head;
    if (head !== undefined) {
      this.deadline = setTimeout(() => ((this.deadlineFor = undefined), this.flush()), head + maxWait - performance.now());
    }
  }

  /** Refuses new visits, lets the calls in flight finish (their visits answered), refuses the ones still waiting. */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      clearTimeout(this.deadline);
      for (const w of this.waiting.splice(0)) w.reject(new StorageUnavailable(new Error('the hub is stopping')));
      if (this.inFlight) await new Promise<void>((resolve) => (this.drained = resolve));
    })());
  }
}
