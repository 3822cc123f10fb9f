/**
 * Hostile feeds, generated (never stored): the inputs of issue 17 that took a
 * reader's tab down. Served by the test server and imported by the Node tests,
 * so browser and Node read the very same bytes.
 *
 *   GET /test-api/hostile/entity-bomb      RSS with a 100 KB internal entity referenced 2,000 times
 *   GET /test-api/hostile/huge-content     JSON Feed, one item with 50 MB of content_html
 *   GET /test-api/hostile/deep-html        JSON Feed, one item with 100,000 nested <div>
 *   GET /test-api/hostile/long-title       JSON Feed, one item with a 1 MB Vietnamese title
 *   GET /test-api/hostile/million-items    JSON Feed with 1,000,000 items
 *   GET /test-api/hostile/million-items-rss  RSS 2.0 with 1,000,000 items
 *   GET /test-api/hostile/redirect-loop    302 to itself, for ever
 *   GET /test-api/hostile/endless          200, a few bytes every 100 ms, never ends
 */
import { Readable } from 'node:stream';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const MB = 1024 * 1024;
const JSON_FEED = 'https://jsonfeed.org/version/1.1';
const LINK = 'https://example.gov.vn/bai-viet';

/** `unit` repeated until the result has at least `bytes` UTF-8 bytes. */
const repeatToBytes = (unit, bytes) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

const jsonFeed = (items) => JSON.stringify({ version: JSON_FEED, title: 'Nguồn tin thử', home_page_url: 'https://example.gov.vn/', items });

/** Each generator returns the document text; built on first request, then kept. */
export const hostileFeeds = {
  'entity-bomb': () =>
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<!DOCTYPE rss [<!ENTITY a "${'x'.repeat(100 * 1024)}">]>\n` +
    '<rss version="2.0"><channel><title>Bom thực thể</title><link>https://example.gov.vn/</link>' +
    `<item><title>Tin có thực thể</title><guid>bom</guid><description>${'&a;'.repeat(2000)}</description></item>` +
    '</channel></rss>',
  'huge-content': () =>
    jsonFeed([
      {
        id: 'rat-dai',
        title: 'Bài viết rất dài',
        url: `${LINK}/rat-dai.html`,
        content_html: repeatToBytes('<p>Nội dung bài viết được lặp lại rất nhiều lần để thử giới hạn.</p>', 50 * MB),
      },
    ]),
  'deep-html': () =>
    jsonFeed([
      {
        id: 'long-sau',
        title: 'Bài viết lồng rất sâu',
        url: `${LINK}/long-sau.html`,
        content_html: `${'<div>'.repeat(100_000)}Nội dung ở đáy`,
      },
    ]),
  'long-title': () =>
    jsonFeed([
      {
        id: 'tieu-de-dai',
        title: repeatToBytes('Hội nghị tổng kết công tác Mặt trận Tổ quốc Việt Nam tỉnh năm 2024 ', MB),
        url: `${LINK}/tieu-de-dai.html`,
        content_text: 'Nội dung ngắn.',
      },
    ]),
  'million-items': () =>
    // Newest first, as feeds list them: item 0 is the newest.
    jsonFeed(Array.from({ length: 1_000_000 }, (_, i) => ({ id: `t${i}`, title: `Tin số ${i}` }))),
  'million-items-rss': () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => `<item><title>Tin số ${i}</title><guid>t${i}</guid></item>`);
    return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Một triệu tin</title>${items.join('')}</channel></rss>`;
  },
};

const built = new Map();
/**
 * The bytes of hostile feed `name`, generated once per process in a worker
 * thread: building 60 MB on the test server's own thread would stall every
 * other test's requests for seconds.
 */
export function hostileFeed(name) {
  if (!built.has(name))
    built.set(
      name,
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { name } });
        worker.once('message', (bytes) => resolve(Buffer.from(bytes)));
        worker.once('error', reject);
      }),
    );
  return built.get(name);
}

if (!isMainThread && workerData?.name) {
  const bytes = new TextEncoder().encode(hostileFeeds[workerData.name]());
  parentPort.postMessage(bytes, [bytes.buffer]);
}

const PREFIX = '/test-api/hostile/';

export async function hostileFeedsMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const name = ctx.path.slice(PREFIX.length);
  ctx.set('cache-control', 'no-store');
  if (name === 'redirect-loop') {
    // A new URL each time, as a misconfigured server does: no client can tell it is a loop but by counting.
    ctx.status = 302;
    ctx.set('location', `${PREFIX}redirect-loop?n=${Number(ctx.query.n ?? 0) + 1}`);
    ctx.body = '';
    return;
  }
  if (name === 'endless') {
    const timer = setInterval(() => body.push('<item><title>…</title></item>\n'), 100);
    const body = new Readable({ read() {} });
    body.push('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Không bao giờ hết</title>\n');
    const stop = () => (clearInterval(timer), body.destroy());
    ctx.req.on('close', stop);
    ctx.res.on('close', stop);
    ctx.type = 'application/rss+xml; charset=utf-8';
    ctx.body = body;
    return;
  }
  if (!(name in hostileFeeds)) return next();
  ctx.type = name.endsWith('rss') || name === 'entity-bomb' ? 'application/rss+xml; charset=utf-8' : 'application/feed+json; charset=utf-8';
  ctx.body = await hostileFeed(name);
}

