/**
 * The PostgreSQL connections a hub keeps for its visits' calls, apart from the
 * pool of its other statements: a burst of readers never makes a visit wait
 * for a connection, and each call of `record_visits` (visit-batches.ts) has
 * one to itself.
 *
 * A connection that fails (the database stopped) is dropped, its call in
 * flight fails (503 upstream, nothing acknowledged), and the next call
 * connects again.
 */
import pg from 'pg';

interface Slot {
  client?: Promise<pg.Client>;
  inFlight: number;
}

export class VisitConnections {
  private readonly slots: Slot[];
  private ended = false;

  constructor(
    private readonly config: pg.ClientConfig,
    count: number,
  ) {
    this.slots = Array.from({ length: count }, () => ({ inFlight: 0 }));
  }

  private connect(slot: Slot): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    const drop = () => {
      if (slot.client === connecting) slot.client = undefined;
    };
    // A connection cut (a database restart): dropped, never a crash; its query in flight rejects.
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

  /** One statement on the least busy connection (the driver queues a second one behind the first). */
  async query<R extends unknown[]>(config: pg.QueryArrayConfig): Promise<pg.QueryArrayResult<R>> {
    if (this.ended) throw new Error('Client was closed and is not queryable');
    const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    slot.inFlight++;
    const connection = slot.client ?? this.connect(slot);
    try {
      return await (await connection).query<R>(config);
    } catch (e) {
      // The driver's own bound ran out (the database stopped answering, past its statement timeout):
      // the statement may still be running there, and the connection would hold every later one.
      if ((e as Error).message === 'Query read timeout' && slot.client === connection) {
        slot.client = undefined;
        void connection.then((c) => c.end()).catch(() => {});
      }
      throw e;
    } finally {
      slot.inFlight--;
    }
  }

  async end(): Promise<void> {
    this.ended = true;
    await Promise.all(this.slots.map((s) => s.client?.then((c) => c.end(), () => {})));
  }
}
