/**
 * `npm run bench:hub-sanitize`: what sanitizing upstream HTML costs the hub
 * (html-sanitize.ts, run in the parse worker once per item read): ms per
 * 1,000 items of typical article HTML, beside the parse of the same feed, and
 * the memory jsdom and the sanitizing add to the worker. With CORPUS=dir (e.g.
 * the shared feeds corpus), also the items of every feed in it. Prints figures;
 * passes or fails nothing.
 *
 * It re-runs itself with --expose-gc (the memory figures are after a
 * collection) and the parse worker's heap limit (bounded-parse.ts, 128 MB), so
 * its peak is the one the worker would see.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

if (!globalThis.gc) {
  execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=128', '--import', 'tsx', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(0);
}

const ITEMS = Number(process.env.ITEMS ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const memory = () => {
  globalThis.gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
};

const { parseUpstream } = await import('../src/upstream-parse.js');
const settle = () => new Promise((r) => setTimeout(r, 100)); // jsdom frees its documents when the loop turns
await settle();
const before = memory();
const { sanitizeAll, sanitizeFeed } = await import('../src/html-sanitize.js');

/** A portal article of about 1.6 KB: headings, paragraphs, two images and links by relative URL, a table, a new-tab link. */
const article = (i: number) =>
  `<h2>Hội nghị giao ban quý ${(i % 4) + 1}</h2>` +
  '<p>Chiều 15/4, Thường trực Tỉnh ủy tổ chức <strong>Hội nghị giao ban</strong> với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cấp tỉnh để đánh giá kết quả thực hiện nhiệm vụ quý I và triển khai nhiệm vụ quý II năm 2024.</p>'.repeat(3) +
  `<figure><img src="/uploads/2024/04/anh-${i}.jpg" alt="Quang cảnh hội nghị" width="800" height="533"><figcaption>Quang cảnh hội nghị</figcaption></figure>` +
  '<p>Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy đề nghị các cơ quan <em>tiếp tục đổi mới</em> nội dung, phương thức hoạt động, hướng mạnh về cơ sở.</p>'.repeat(2) +
  '<table><thead><tr><th scope="col">Đơn vị</th><th scope="col">Kết quả</th></tr></thead><tbody>' + '<tr><td>Huyện Phú Vang</td><td>98%</td></tr>'.repeat(4) + '</tbody></table>' +
  `<p><img src="../anh/${i}-2.jpg" alt="Đại biểu"></p><p><a href="/tin-tuc/${i + 1}.html">Tin liên quan</a> · <a href="https://tinhuytthue.vn/" target="_blank">Nguồn: Tinhuytthue.vn</a></p>`;

/** A feed of ITEMS articles, other ones in each round (so each round sanitizes, none comes from the cache). */
const feedBody = (round: number) =>
  new TextEncoder().encode(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Bench',
      items: Array.from({ length: ITEMS }, (_, i) => ({
        id: `tin-${i}`,
        url: `https://province.example/tin/${i}.html`,
        title: `Tin số ${i}`,
        content_html: article(round * ITEMS + i),
        date_published: new Date(Date.UTC(2024, 3, 19) - i * 3600_000).toISOString(),
      })),
    }),
  );
const FEED_URL = 'https://province.example/feed.json';
const htmlChars = Array.from({ length: ITEMS }, (_, i) => article(i).length).reduce((a, b) => a + b, 0);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let peakHeap = 0;
const sample = () => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
const parseMs: number[] = [];
const sanitizeMs: number[] = [];
const againMs: number[] = [];
for (let round = 0; round <= ROUNDS; round++) {
  const body = feedBody(round);
  let t0 = performance.now();
  const feed = await parseUpstream(body, 'application/feed+json', FEED_URL);
  const parsed = performance.now() - t0;
  const html = feed.items.map((i) => i.contentHtml);
  t0 = performance.now();
  await sanitizeFeed(feed, FEED_URL, sample);
  const sanitized = performance.now() - t0;
  // The same items read again (an upstream without validators answers 200 each time): from the cache.
  t0 = performance.now();
  await sanitizeAll(html.map((h, i) => ({ html: h!, base: feed.items[i].url ?? FEED_URL })));
  const again = performance.now() - t0;
  if (round === 0) continue; // warm-up: jsdom made, code compiled
  parseMs.push(parsed);
  sanitizeMs.push(sanitized);
  againMs.push(again);
}
await settle();
const after = memory();
const per1000 = (ms: number) => ((ms * 1000) / ITEMS).toFixed(1).padStart(7);

console.log(`${ITEMS} items of typical article HTML (${(htmlChars / ITEMS / 1024).toFixed(1)} K characters each), median of ${ROUNDS} rounds, Node ${process.version}:`);
console.log(`  parse (JSON Feed → model)              ${per1000(median(parseMs))} ms per 1,000 items`);
console.log(`  sanitize, first read (jsdom + DOMPurify) ${per1000(median(sanitizeMs))} ms per 1,000 items`);
console.log(`  sanitize, the same items read again    ${per1000(median(againMs))} ms per 1,000 items (the cache)`);
console.log(
  `memory: heap ${mb(before.heap)} MB before jsdom; ${mb(peakHeap)} MB at most while sanitizing; ${mb(after.heap)} MB after (jsdom and the cache of sanitized HTML); RSS ${mb(before.rss)} → ${mb(after.rss)} MB`,
);

const corpus = process.env.CORPUS;
if (corpus) {
  let items = 0;
  let bytes = 0;
  let ms = 0;
  for (const f of readdirSync(corpus).filter((n) => /\.(xml|rss|atom|json)$/.test(n) && n !== 'SOURCES.json')) {
    const url = `https://corpus.example/${f}`;
    const feed = await parseUpstream(readFileSync(path.join(corpus, f)), undefined, url).catch(() => undefined);
    const withHtml = feed?.items.filter((i) => i.contentHtml) ?? [];
    if (!withHtml.length) continue;
    const t0 = performance.now();
    await sanitizeFeed({ ...feed!, items: withHtml }, url);
    ms += performance.now() - t0;
    items += withHtml.length;
    bytes += withHtml.reduce((sum, i) => sum + i.contentHtml!.length, 0);
  }
  console.log(`corpus ${corpus}: ${items} items with HTML (${(bytes / Math.max(1, items) / 1024).toFixed(1)} KB each on average): ${((ms * 1000) / Math.max(1, items)).toFixed(0)} ms per 1,000 items`);
}
