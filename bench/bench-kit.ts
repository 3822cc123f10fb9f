/**
 * Helpers for benchmarks that run in headless Chromium (npm run bench): timing
 * medians and p95 over repeated runs, synthetic feeds, and the report that
 * scripts/bench.mjs prints.
 */

export interface Figure {
  name: string;
  median: number;
  p95: number;
  runs: number;
  /** The name of the baseline this figure is compared with, if any. */
  baseline?: string;
  goal?: string;
  /** What the figure counts when it is not milliseconds (nodes, KB). */
  unit?: string;
}

const figures: Figure[] = [];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Runs `fn` `runs` times after `warmup` runs; records median and p95 in ms. */
export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  { runs = 30, warmup = 5, baseline, goal }: { runs?: number; warmup?: number; baseline?: string; goal?: string } = {},
): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const figure = { name, median: quantile(times, 0.5), p95: quantile(times, 0.95), runs, baseline, goal };
  figures.push(figure);
  return figure;
}

/** Records a figure that is a count or a size, not a timing (`unit`: nodes, KB). */
export function record(name: string, value: number, unit: string, baseline?: string, goal?: string): void {
  figures.push({ name, median: value, p95: value, runs: 1, unit, baseline, goal });
}

/** Sends the figures to the test server, which writes them for scripts/bench.mjs. */
export async function report(suite: string): Promise<void> {
  await fetch('/test-api/bench-report', { method: 'POST', body: JSON.stringify({ suite, figures }) });
  figures.length = 0;
}

const WORDS = ['Hội nghị', 'giao ban', 'Mặt trận', 'Tổ quốc', 'Đường', 'Lê Lợi', 'chuyển đổi số', 'Thừa Thiên Huế', 'nông thôn mới', 'an sinh', 'xã hội', 'Đại hội', 'nhiệm kỳ', 'thanh niên', 'du lịch', 'văn hóa'];

/** A deterministic JSON Feed of `n` Vietnamese items, newest first, one a few hours apart. */
export function syntheticFeed(n: number): string {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const start = Date.UTC(2026, 10, 1);
  const items = Array.from({ length: n }, (_, i) => ({
    id: `tin-${i}`,
    url: `https://example.gov.vn/bai-viet/tin-${i}.html`,
    title: `${pick()} ${pick()} ${pick()} số ${i}`,
    summary: `${pick()} ${pick()} ${pick()} ${pick()} ${pick()}.`,
    content_text: Array.from({ length: 30 }, pick).join(' '),
    image: `https://example.gov.vn/anh/${i}.jpg`,
    date_published: new Date(start - i * 5 * 3600_000).toISOString(),
    tags: [pick()],
  }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bench', items });
}
