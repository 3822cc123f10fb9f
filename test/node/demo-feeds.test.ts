import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from './server-helpers.js';

const list = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe('demo feeds', () => {
  it('are what scripts/generate-demo-feeds.mjs writes, byte for byte (deterministic)', () => {
    const out = tempDir();
    execFileSync(process.execPath, ['scripts/generate-demo-feeds.mjs', out], { stdio: 'pipe' });
    assert.deepEqual(list(out), list('demo/feeds'));
    for (const f of list(out)) assert.equal(readFileSync(path.join(out, f), 'utf8'), readFileSync(path.join('demo/feeds', f), 'utf8'), f);
  });

  it('hold ≥ 300 news items over ≥ 12 months, with images, tags, the seed article, videos, links and a banner', () => {
    const news = JSON.parse(readFileSync('demo/feeds/news.json', 'utf8'));
    assert.ok(news.items.length >= 300);
    const months = new Set(news.items.map((i: { date_published: string }) => i.date_published.slice(0, 7)));
    assert.ok(months.size >= 12, `${months.size} months`);
    assert.ok(new Set(news.items.flatMap((i: { tags: string[] }) => i.tags)).size >= 5);
    assert.ok(news.items.filter((i: { image?: string }) => i.image).length > 200);
    const seed = news.items.find((i: { id: string }) => i.id === 'hoi-nghi-giao-ban-mttq-quy-1-2024');
    assert.equal(seed.title, 'Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024');
    assert.equal(seed._portal.source.name, 'Tinhuytthue.vn');
    assert.match(seed.content_html, /Phan Ngọc Thọ/);
    const videos = JSON.parse(readFileSync('demo/feeds/videos.json', 'utf8')).items;
    assert.ok(videos.some((v: { attachments?: { mime_type: string }[] }) => v.attachments?.some((a) => a.mime_type.startsWith('video/'))));
    assert.ok(videos.some((v: { url: string }) => /youtube\.com/.test(v.url)));
    const links = JSON.parse(readFileSync('demo/feeds/links.json', 'utf8'));
    assert.equal(links.version, 'portal-links/1');
    assert.deepEqual(
      links.groups.map((g: { title: string }) => g.title),
      ['Tỉnh ủy, UBND tỉnh', 'Sở, ban, ngành', 'Huyện, thị xã, thành phố'],
    );
    assert.equal(JSON.parse(readFileSync('demo/feeds/banner.json', 'utf8')).version, 'portal-banner/1');
  });
});
