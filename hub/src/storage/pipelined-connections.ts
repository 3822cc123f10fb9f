/**
 * A few PostgreSQL connections in the `pg` driver's pipeline mode, for the one
 * statement a visit is. Each visit stays its own statement and its own
 * transaction (the driver ends each with a Sync of its own: committed, and so
 * durable, before its answer comes back), but the visits a hub receives in one
 * turn of its event loop leave in one write per connection instead of one
 * write, one read and one wake-up of a backend each: the per-visit system
 * calls were a fifth of the hub's CPU (profiled under the load test).
 *
 * A connection that fails (the database stopped) is dropped, its visits in
 * flight fail (503 upstream, nothing acknowledged), and the next visit
 * connects again.
 */
import pg from 'pg';

interface Slot {
  client?: Promise<pg.Client>;
  inFlight: number;
  /** The socket held corked until the end of this turn of the event loop, if any. */
  corked?: { cork(): void; uncork(): void };
}

export class PipelinedConnections {
  private readonly slots: Slot[];
  private ended = false;

  constructor(
    private readonly config: pg.ClientConfig,
    count: number,
  ) {
    this.slots = Array.from({ length: count }, () => ({ inFlight: 0 }));
  }

  private connect(slot: Slot): Promise<pg.Client> {
    const client = new pg.Client({ ...this.config, pipeline: true } as pg.ClientConfig);
    const drop = () => {
      if (slot.client === connecting) slot.client = undefined;
    };
    // A connection cut (a database restart): dropped, never a crash; its queries in flight reject.
    client.on('error', drop);
    client.on('end', drop);
    const connecting = client.connect().then(
      () => client,
      (e: unknown) => {
        drop();
        throw e;
      },
    );
    slot.client = connecting;
    return connecting;
  }

  /** One statement on the least busy connection, written out with the others of this turn. */
  async query<R extends unknown[]>(config: pg.QueryArrayConfig): Promise<pg.QueryArrayResult<R>> {
    if (this.ended) throw new Error('Client was closed and is not queryable');
    const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    slot.inFlight++;
    try {
      const client = await (slot.client ?? this.connect(slot));
      // The socket is the driver's own (not public API): without one to cork, each visit is written at once.
      const stream = (client as unknown as { connection?: { stream?: Partial<NonNullable<Slot['corked']>> } }).connection?.stream;
      if (!slot.corked && typeof stream?.cork === 'function' && typeof stream.uncork === 'function') {
        const socket = stream as NonNullable<Slot['corked']>;
        socket.cork();
        slot.corked = socket;
        // After the poll phase: every request read in this turn has queued its visit by then.
        setImmediate(() => {
          slot.corked = undefined;
          socket.uncork();
        });
      }
      return await client.query<R>(config);
    } finally {
      slot.inFlight--;
    }
  }

  async end(): Promise<void> {
    this.ended = true;
    await Promise.all(this.slots.map((s) => s.client?.then((c) => c.end(), () => {})));
  }
}
