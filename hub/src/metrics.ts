/**
 * GET /metrics in the Prometheus text format, with prom-client: requests by
 * route and status, upstream fetches by feed and outcome, items served, and
 * the process's own figures (memory, event-loop lag, …).
 */
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

export class HubMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'portal_hub_http_requests_total',
    help: 'HTTP requests answered, by route and status.',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly fetches = new Counter({
    name: 'portal_hub_upstream_fetches_total',
    help: 'Upstream fetches, by feed, upstream and outcome (ok, not-modified, http, timeout, too-large, refused, redirects, network, parse).',
    labelNames: ['feed', 'upstream', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly served = new Counter({
    name: 'portal_hub_feed_items_served_total',
    help: 'Feed items sent in 200 answers, by feed.',
    labelNames: ['feed'] as const,
    registers: [this.registry],
  });
  /** Labelled children, made once: the feed route is the hot path. */
  private readonly children = new Map<string, { inc(n?: number): void }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  private child(key: string, make: () => { inc(n?: number): void }) {
    let c = this.children.get(key);
    if (!c) this.children.set(key, (c = make()));
    return c;
  }

  request(route: string, status: number): void {
    this.child(`r ${route} ${status}`, () => this.requests.labels(route, String(status))).inc();
  }

  upstreamFetch(feed: string, upstream: string, outcome: string): void {
    this.fetches.labels(feed, upstream, outcome).inc();
  }

  itemsServed(feed: string, n: number): void {
    this.child(`s ${feed}`, () => this.served.labels(feed)).inc(n);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
