/** Messages of `<portal-video-list>`. */
import type { Localized } from './index.js';

const vi = {
  more: 'Video khác',
  empty: 'Chưa có video nào.',
  play: (title: string) => `Phát video: ${title}`,
  duration: 'Thời lượng',
  captions: 'Phụ đề',
  player: (title: string) => `Trình phát video: ${title}`,
  failed: 'Không phát được video này.',
  openFile: 'Mở tệp video',
};

export const videoListMessages: Localized<typeof vi> = {
  vi,
  en: {
    more: 'More videos',
    empty: 'No videos yet.',
    play: (title: string) => `Play video: ${title}`,
    duration: 'Duration',
    captions: 'Captions',
    player: (title: string) => `Video player: ${title}`,
    failed: 'This video cannot be played.',
    openFile: 'Open the video file',
  },
};
