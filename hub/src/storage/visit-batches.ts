/**
 * Group commit for the visits of one hub: the visits that arrive while the
 * hub's previous calls are committing leave together, as one call and one
 * transaction (`record_visits`, migrations.ts version 5), and each is answered
 * only once that transaction has committed. A durable commit (its WAL flush,
 * a backend woken, the round trip) is most of what a visit costs PostgreSQL,
 * so under load a few commits carry many visits, and when the hub is quiet a
 * visit leaves at once, alone. Nothing is acknowledged early: a call that
 * fails fails every visit in it (503 upstream, none counted).
 */

export interface Visit {
  site: string;
  hash: string;
  now: number;
  /** The site's total before its first visit (its configured start). */
  start: number;
}

interface Waiting<R> {
  visit: Visit;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export class VisitBatches<R> {
  private waiting: Waiting<R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  /**
   * @param send records the visits given in one transaction and answers them in order
   * @param maxInFlight calls committing at once: visits beyond them wait for the next call
   * @param maxBatch visits in one call at most (a bound on one transaction's size and locks)
   */
  constructor(
    private readonly send: (visits: Visit[]) => Promise<R[]>,
    private readonly maxInFlight: number,
    private readonly maxBatch = 256,
  ) {}

  record(visit: Visit): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ visit, resolve, reject });
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
    while (this.waiting.length && this.inFlight < this.maxInFlight) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.inFlight++;
      this.send(batch.map((w) => w.visit)).then(
        (results) => batch.forEach((w, i) => w.resolve(results[i])),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      ).finally(() => {
        this.inFlight--;
        // The visits that came in while this call committed leave now, together.
        this.flush();
      });
    }
  }
}
