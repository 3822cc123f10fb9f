/**
 * Which feed items are videos, and how to play them. A video is an item with a
 * `video/*` attachment (played by the browser's own `<video>`), or whose URL
 * (or an attachment's) is a YouTube or Vimeo page, played in the sites'
 * privacy-enhanced embeds: youtube-nocookie.com, and player.vimeo.com with dnt=1.
 * Nothing here fetches: the widget shows a facade until the reader clicks.
 */
import type { Attachment, NewsItem } from './model.js';

export interface Video {
  item: NewsItem;
  kind: 'file' | 'youtube' | 'vimeo';
  /** The file to play (`file`), else the embed page to frame. */
  src: string;
  /** MIME type of the file. */
  type?: string;
  /** `text/vtt` attachments: captions tracks. */
  captions: Attachment[];
  durationInSeconds?: number;
  /** The item's image, unless it is served by a video site (that would be a request to it before the click). */
  poster?: string;
}

const YOUTUBE_HOST = /^(?:www\.|m\.|music\.)?(?:youtube(?:-nocookie)?\.com|youtu\.be)$/;
const VIMEO_HOST = /^(?:www\.|player\.)?vimeo\.com$/;
/** Hosts of the video sites and their image/media servers. */
const VIDEO_SITE = /(?:^|\.)(?:youtube(?:-nocookie)?\.com|youtu\.be|ytimg\.com|googlevideo\.com|vimeo\.com|vimeocdn\.com)$/;

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

/** The YouTube video id of a watch, short, embed or youtu.be URL. */
export function youtubeId(url: string): string | undefined {
  const u = parse(url);
  if (!u || !YOUTUBE_HOST.test(u.hostname)) return undefined;
  const id = u.hostname === 'youtu.be' ? u.pathname.slice(1) : (u.searchParams.get('v') ?? /^\/(?:embed|shorts|live|v)\/([^/]+)/.exec(u.pathname)?.[1]);
  return id && /^[\w-]{11}$/.test(id) ? id : undefined;
}

/** The Vimeo video id of a vimeo.com or player.vimeo.com URL. */
export function vimeoId(url: string): string | undefined {
  const u = parse(url);
  return u && VIMEO_HOST.test(u.hostname) ? /^\/(?:video\/)?(\d+)(?:\/|$)/.exec(u.pathname)?.[1] : undefined;
}

/** The embed to frame after the click: it plays at once, as the click asked. */
export const youtubeEmbed = (id: string) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0`;
export const vimeoEmbed = (id: string) => `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1`;

/** Whether `url` is served by a video site (a request to it would tell the site who is reading). */
export const isVideoSite = (url: string) => VIDEO_SITE.test(parse(url)?.hostname ?? '');

/** The video of `item`, or undefined if it has none. */
export function videoOf(item: NewsItem): Video | undefined {
  const captions = item.attachments.filter((a) => /^text\/vtt\b/i.test(a.mimeType));
  const poster = item.image && !isVideoSite(item.image) ? item.image : undefined;
  const base = { item, captions, poster };
  const file = item.attachments.find((a) => /^video\//i.test(a.mimeType));
  if (file) return { ...base, kind: 'file', src: file.url, type: file.mimeType, durationInSeconds: file.durationInSeconds };
  // A video page's length, if the feed gives one, is on one of the attachments.
  const durationInSeconds = item.attachments.find((a) => a.durationInSeconds)?.durationInSeconds;
  for (const url of [item.url ?? '', ...item.attachments.map((a) => a.url)]) {
    const yt = youtubeId(url);
    if (yt) return { ...base, kind: 'youtube', src: youtubeEmbed(yt), durationInSeconds };
    const vm = vimeoId(url);
    if (vm) return { ...base, kind: 'vimeo', src: vimeoEmbed(vm), durationInSeconds };
  }
  return undefined;
}

const cache = new WeakMap<readonly NewsItem[], Video[]>();
/** The videos among `items`, in feed order (computed once per items array). */
export function videosOf(items: readonly NewsItem[]): Video[] {
  let videos = cache.get(items);
  if (!videos) cache.set(items, (videos = items.map(videoOf).filter((v): v is Video => !!v)));
  return videos;
}

/** `3:05`, `1:02:03`: a duration as video players show it. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const hms = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  const [, m, sec] = hms.map((n) => String(n).padStart(2, '0'));
  return hms[0] ? `${hms[0]}:${m}:${sec}` : `${hms[1]}:${sec}`;
}

/** ISO 8601 duration for `<time datetime>`: `PT3M5S`. */
export const isoDuration = (seconds: number) => `PT${Math.round(seconds)}S`;
