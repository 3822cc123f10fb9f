#!/usr/bin/env node
/**
 * Writes the demo portal's sample documents into demo/feeds/ (or the folder
 * given as the first argument): news.json (JSON Feed 1.1, 360 Vietnamese items
 * over 12 months, with images and tags, and the seed article "Hội nghị giao ban
 * …"), videos.json (video/* attachments and YouTube URLs, captions), links.json
 * (portal-links/1, the seed's three groups), banner.json (portal-banner/1) and
 * the small SVG images they use. Deterministic: a seeded generator and fixed
 * dates, so the same script always writes the same bytes (a Node test checks it).
 *
 *   node scripts/generate-demo-feeds.mjs [outDir]
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve(process.argv[2] ?? 'demo/feeds');
mkdirSync(path.join(out, 'img'), { recursive: true });
mkdirSync(path.join(out, 'video'), { recursive: true });
// One real clip (5 s, recorded from a canvas for the stories), so a click on a demo video plays.
copyFileSync(new URL('../stories/fixtures/media/dai-hoi.webm', import.meta.url), path.join(out, 'video/mau.webm'));

/** mulberry32: a small seeded PRNG, so the output never changes between runs. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20240419);
const pick = (list) => list[Math.floor(rand() * list.length)];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const write = (file, text) => writeFileSync(path.join(out, file), text);
const writeJson = (file, value) => write(file, JSON.stringify(value, null, 2) + '\n');

// Images: one small SVG per theme colour, same origin (the strict CSP page allows only 'self').
const palette = [
  ['#b5121b', 'Mặt trận'],
  ['#0b5394', 'Kinh tế'],
  ['#38761d', 'Nông nghiệp'],
  ['#a64d00', 'Văn hóa'],
  ['#674ea7', 'Giáo dục'],
  ['#0f766e', 'Y tế'],
  ['#1f2937', 'Chuyển đổi số'],
  ['#9d174d', 'Du lịch'],
];
palette.forEach(([colour, label], i) => {
  write(
    `img/anh-${i + 1}.svg`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180" role="img" aria-label="${label}">` +
      `<rect width="320" height="180" fill="${colour}"/><circle cx="250" cy="50" r="70" fill="#fff" fill-opacity=".12"/>` +
      `<path d="M0 140 L90 90 L160 130 L230 80 L320 130 V180 H0Z" fill="#fff" fill-opacity=".2"/>` +
      `<text x="20" y="40" font-family="sans-serif" font-size="22" fill="#fff">${label}</text></svg>\n`,
  );
});
const tags = palette.map(([, label]) => label);

// The seed article, as the portal page shows it.
const seedId = 'hoi-nghi-giao-ban-mttq-quy-1-2024';
const seedTitle = 'Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024';
const seedParagraphs = [
  'Chiều 15/4, Thường trực Tỉnh ủy tổ chức Hội nghị giao ban với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội (MT, TCCT - XH) cấp tỉnh đánh giá kết quả thực hiện nhiệm vụ quý I năm 2024 và định hướng nhiệm vụ trọng tâm quý II năm 2024. Đồng chí Phan Ngọc Thọ - Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị. Cùng dự còn có UVTV Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy Nguyễn Chí Tài; UVTV Tỉnh ủy, Chủ tịch UBMTTQ Việt Nam tỉnh Nguyễn Nam Tiến; lãnh đạo MT, TCCT - XH trong tỉnh.',
  'Trong quý I/2024, Ủy ban MTTQ và các tổ chức chính trị – xã hội tỉnh đã bám sát định hướng của Tỉnh ủy, kịp thời xây dựng kế hoạch, chương trình công tác năm 2024. Tích cực triển khai cụ thể hóa Đề án 23-ĐA/TU, ngày 11/9/2023 của Ban Thường vụ Tỉnh ủy về “Đổi mới phương thức lãnh đạo của các cấp ủy đảng đối với tổ chức, hoạt động của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội trên địa bàn tỉnh, giai đoạn 2023 - 2028”; tổ chức hội nghị tổng kết năm 2023 và đề ra phương hướng, nhiệm vụ năm 2024 gắn với các chuyên đề liên quan; ký kết giao ước thi đua với các đơn vị cùng cấp; chú trọng việc đa dạng hóa các hình thức thu hút, tập hợp đoàn viên, hội viên, nhân dân tham gia vào các tổ chức chính trị - xã hội. Công tác tham gia xây dựng Đảng, xây dựng chính quyền trong sạch, vững mạnh ngày càng được thể hiện rõ nét. Ứng dụng công nghệ thông tin trong quản lý, điều hành, tổ chức các hoạt động của Mặt trận, tổ chức chính trị - xã hội các cấp được đẩy mạnh. Nội dung, phương thức hoạt động tiếp tục được đổi mới, thích ứng linh hoạt với tình hình thực tiễn…',
  'Tại hội nghị giao ban, lãnh đạo Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức đoàn thể - chính trị xã hội đã báo cáo một số kết quả đạt được, khó khăn, vướng mắc và một số nhiệm vụ trọng tâm các cơ quan, đơn vị sẽ tập trung thực hiện trong quý II/2024 trên cơ sở chức năng, nhiệm vụ được giao.',
  'Phát biểu kết luận hội nghị giao ban, Phó Bí thư Tỉnh ủy Phan Ngọc Thọ đánh giá, trong quý I/2024, các hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội đã bám sát các nhiệm vụ chính trị của tỉnh, các đơn vị. Các nhiệm vụ được triển khai bám sát cơ sở và đã xây dựng được nhiều mô hình hay, tạo ra các phong trào thi đua sôi nổi và đóng góp lớn vào sự phát triển kinh tế - xã hội của tỉnh.',
  'Liên quan đến nhiệm vụ trong quý II, đồng chí đề nghị tiếp tục rà soát lại các nhiệm vụ, tập trung mọi nỗ lực hoàn thành các nhiệm vụ đề ra. Tăng cường quản lý hội viên thông qua mạng lưới, tiếp tục hoàn thiện hệ thống. Kết nạp đảng trong MT, TCCT - XH của tỉnh cũng cần phải đặc biệt lưu ý; những khó khăn vướng mắc cần tập trung tháo gỡ ngay để triển khai thực hiện mang lại hiệu quả cao hơn, làm tốt việc giới thiệu hội viên ưu tú và Đảng. Duy trì chế độ khen thưởng, biểu dương, động viên, có danh hiệu khen thưởng tương xứng với sự đóng góp của các hội viên đối với các hoạt động MT, TCCT – XH. Tăng cường hơn nữa công tác phối hợp, quan tâm nhiều hơn các hộ nghèo là hội viên, các hộ nghèo yếu thế. Phát huy hiệu quả phong trào khởi nghiệp, tạo sinh kế cho hội viên, giúp thoát nghèo bền vững; tiếp tục lan tỏa phong trào chủ nhật xanh…',
];
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Headlines: subject × action × object, per tag, so search and tags have something to find.
const subjects = {
  'Mặt trận': ['Ủy ban MTTQ tỉnh', 'Ban Thường trực MTTQ huyện Phú Vang', 'Hội Cựu chiến binh tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn'],
  'Kinh tế': ['UBND tỉnh', 'Sở Kế hoạch và Đầu tư', 'Cục Thuế tỉnh', 'Khu kinh tế Chân Mây - Lăng Cô', 'Hiệp hội Doanh nghiệp tỉnh'],
  'Nông nghiệp': ['Sở Nông nghiệp và Phát triển nông thôn', 'Nông dân huyện Quảng Điền', 'Hợp tác xã Thủy Thanh', 'Huyện Phong Điền', 'Thị xã Hương Trà'],
  'Văn hóa': ['Trung tâm Bảo tồn Di tích Cố đô Huế', 'Sở Văn hóa và Thể thao', 'Nhà hát Nghệ thuật truyền thống cung đình Huế', 'Thư viện tỉnh', 'Bảo tàng Lịch sử tỉnh'],
  'Giáo dục': ['Sở Giáo dục và Đào tạo', 'Đại học Huế', 'Trường THPT chuyên Quốc Học', 'Huyện A Lưới', 'Hội Khuyến học tỉnh'],
  'Y tế': ['Bệnh viện Trung ương Huế', 'Sở Y tế', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'Trạm Y tế xã Hương Phong', 'Bệnh viện Đại học Y Dược Huế'],
  'Chuyển đổi số': ['Trung tâm Giám sát, điều hành đô thị thông minh', 'Sở Thông tin và Truyền thông', 'UBND thành phố Huế', 'Tổ công nghệ số cộng đồng', 'Công an tỉnh'],
  'Du lịch': ['Sở Du lịch', 'Thành phố Huế', 'Làng cổ Phước Tích', 'Biển Lăng Cô', 'Festival Huế'],
};
const actions = ['triển khai', 'tổng kết', 'sơ kết', 'phát động', 'hưởng ứng', 'đẩy mạnh', 'ra mắt', 'hoàn thành', 'khởi động', 'đánh giá'];
const objects = {
  'Mặt trận': ['cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”', 'phong trào chủ nhật xanh', 'chương trình an sinh xã hội', 'hoạt động giám sát và phản biện xã hội', 'quỹ “Vì người nghèo”'],
  'Kinh tế': ['kế hoạch thu ngân sách', 'chương trình xúc tiến đầu tư', 'giải pháp hỗ trợ doanh nghiệp', 'dự án hạ tầng trọng điểm', 'kế hoạch phát triển kinh tế - xã hội'],
  'Nông nghiệp': ['vụ Đông Xuân', 'mô hình lúa hữu cơ', 'chương trình mỗi xã một sản phẩm (OCOP)', 'kế hoạch phòng chống thiên tai', 'mô hình nuôi trồng thủy sản bền vững'],
  'Văn hóa': ['chương trình trùng tu di tích', 'tuần lễ Áo dài', 'đêm nhạc Cung đình', 'triển lãm ảnh di sản', 'lễ hội truyền thống'],
  'Giáo dục': ['kỳ thi tốt nghiệp THPT', 'chương trình giáo dục phổ thông mới', 'phong trào khuyến học', 'năm học mới', 'đề án ngoại ngữ'],
  'Y tế': ['chiến dịch tiêm chủng', 'khám bệnh miễn phí cho người nghèo', 'phòng chống sốt xuất huyết', 'chuyển đổi số y tế cơ sở', 'kỹ thuật ghép tạng'],
  'Chuyển đổi số': ['ứng dụng Hue-S', 'dịch vụ công trực tuyến toàn trình', 'đề án 06', 'thanh toán không dùng tiền mặt', 'nền tảng dữ liệu dùng chung'],
  'Du lịch': ['mùa du lịch hè', 'tour đêm Đại Nội', 'chương trình kích cầu du lịch', 'tuyến du lịch sinh thái', 'lễ hội đường phố'],
};
const quarters = ['quý I', 'quý II', 'quý III', 'quý IV'];

// 360 items: about one a day, newest first, from 30/04/2024 back over twelve months.
const items = [];
const newest = Date.UTC(2024, 3, 30, 1, 0); // 30/04/2024 08:00 in Huế
for (let i = 0; i < 360; i++) {
  const tag = pick(tags);
  const when = new Date(newest - Math.round(i * 1.1 * 86400_000) - Math.floor(rand() * 10) * 3600_000);
  const local = new Date(when.getTime() + 7 * 3600_000);
  const q = quarters[Math.floor(local.getUTCMonth() / 3)];
  const title = `${pick(subjects[tag])} ${pick(actions)} ${pick(objects[tag])}${rand() < 0.3 ? ` ${q}/${local.getUTCFullYear()}` : ''}`;
  const id = `tin-${pad(i + 1, 3)}`;
  const imageIndex = tags.indexOf(tag) + 1;
  const summary = `${title[0].toUpperCase()}${title.slice(1)}: kết quả bước đầu và nhiệm vụ thời gian tới.`;
  const iso = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:00:00+07:00`;
  const item = {
    id,
    url: `/demo/bai-viet.html?id=${id}`,
    title,
    summary,
    content_html: `<p>${escapeHtml(summary)}</p><p>Ngày ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}, ${escapeHtml(title.charAt(0).toLowerCase() + title.slice(1))}. Đây là bài viết mẫu của cổng thông tin, được tạo tự động cho bản trình diễn.</p>`,
    image: rand() < 0.85 ? `/demo/feeds/img/anh-${imageIndex}.svg` : undefined,
    date_published: iso,
    tags: rand() < 0.25 ? [tag, pick(tags.filter((t) => t !== tag))] : [tag],
    authors: [{ name: pick(['Ban biên tập', 'Minh Châu', 'Thanh Hương', 'Quốc Việt', 'Hoài Thu']) }],
    _portal: { source: { name: pick(['Tinhuytthue.vn', 'Báo Thừa Thiên Huế', 'Cổng thông tin tỉnh']) } },
  };
  if (item.image) item._portal.image_alt = `Ảnh minh họa: ${tag}`;
  items.push(item);
}
// The seed article, in its place by date (19/04/2024).
const seed = {
  id: seedId,
  url: `/demo/bai-viet.html?id=${seedId}`,
  title: seedTitle,
  summary: seedParagraphs[0].slice(0, 160).replace(/\s+\S*$/, '') + '…',
  content_html: seedParagraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
  image: '/demo/feeds/img/anh-1.svg',
  date_published: '2024-04-19T16:30:00+07:00',
  date_modified: '2024-04-19T16:30:00+07:00',
  tags: ['Mặt trận'],
  authors: [{ name: 'Ban biên tập' }],
  _portal: { source: { name: 'Tinhuytthue.vn', url: 'https://tinhuytthue.vn/' }, image_alt: 'Hội nghị giao ban quý I/2024' },
};
const at = items.findIndex((it) => it.date_published < seed.date_published);
items.splice(at, 0, seed);

writeJson('news.json', {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Tin tức - Cổng thông tin Ủy ban MTTQ Việt Nam tỉnh Thừa Thiên Huế',
  home_page_url: 'https://example.gov.vn/',
  feed_url: '/demo/feeds/news.json',
  language: 'vi',
  items,
});

// Videos: some as video/* files (with captions), some on YouTube; posters are the local SVGs.
const videoTitles = [
  'Toàn cảnh Hội nghị giao ban Mặt trận quý I/2024',
  'Festival Huế 2024: đêm khai mạc',
  'Huế chuyển đổi số: ứng dụng Hue-S',
  'Mùa lúa hữu cơ ở Quảng Điền',
  'Phong trào chủ nhật xanh lan tỏa khắp tỉnh',
  'Trùng tu Điện Thái Hòa',
  'Khám bệnh miễn phí cho bà con A Lưới',
  'Tuần lễ Áo dài Huế',
  'Xây dựng nông thôn mới ở Phong Điền',
  'Biển Lăng Cô vào hè',
  'Đại hội Mặt trận cấp huyện nhiệm kỳ 2024 - 2029',
  'Thanh niên tình nguyện mùa hè xanh',
];
const youtubeIds = ['M7lc1UVf-VE', 'aqz-KE-bpKQ', 'ScMzIvxBSi4', 'dQw4w9WgXcQ', 'jNQXAC9IVRw', '9bZkp7q19f0'];
const videos = videoTitles.map((title, i) => {
  const day = new Date(Date.UTC(2024, 3, 28 - i * 9, 3));
  const item = {
    id: `video-${pad(i + 1)}`,
    title,
    image: `/demo/feeds/img/anh-${(i % palette.length) + 1}.svg`,
    date_published: `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T10:00:00+07:00`,
    tags: ['Video'],
    _portal: { image_alt: `Ảnh đại diện video: ${title}` },
  };
  if (i % 2 === 0) {
    item.url = `https://www.youtube.com/watch?v=${youtubeIds[(i / 2) % youtubeIds.length]}`;
  } else {
    item.url = `/demo/bai-viet.html?id=video-${pad(i + 1)}`;
    rand(); // the draw that once made up a duration: kept, so the feeds generated after it stay as they were
    item.attachments = [
      { url: '/demo/feeds/video/mau.webm', mime_type: 'video/webm', title, duration_in_seconds: 5 },
      { url: `/demo/feeds/video/video-${pad(i + 1)}.vi.vtt`, mime_type: 'text/vtt', title: 'Tiếng Việt' },
    ];
    write(`video/video-${pad(i + 1)}.vi.vtt`, `WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n${title}\n`);
  }
  return item;
});
writeJson('videos.json', {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Video - Cổng thông tin Ủy ban MTTQ Việt Nam tỉnh Thừa Thiên Huế',
  language: 'vi',
  items: videos,
});

// "Liên kết website": the seed's three groups.
writeJson('links.json', {
  version: 'portal-links/1',
  title: 'Liên kết website',
  groups: [
    {
      title: 'Tỉnh ủy, UBND tỉnh',
      links: [
        { title: 'Tỉnh ủy Thừa Thiên Huế', url: 'https://tinhuythuathienhue.vn/' },
        { title: 'Cổng thông tin điện tử tỉnh Thừa Thiên Huế', url: 'https://thuathienhue.gov.vn/' },
        { title: 'Hội đồng nhân dân tỉnh', url: 'https://hdnd.thuathienhue.gov.vn/' },
        { title: 'Đoàn Đại biểu Quốc hội tỉnh', url: 'https://dbqh.thuathienhue.gov.vn/' },
      ],
    },
    {
      title: 'Sở, ban, ngành',
      links: [
        'Sở Nội vụ', 'Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Giáo dục và Đào tạo', 'Sở Y tế',
        'Sở Văn hóa và Thể thao', 'Sở Du lịch', 'Sở Thông tin và Truyền thông', 'Sở Nông nghiệp và Phát triển nông thôn',
        'Sở Tài nguyên và Môi trường', 'Sở Xây dựng', 'Sở Giao thông vận tải', 'Sở Tư pháp', 'Sở Lao động - Thương binh và Xã hội',
        'Sở Khoa học và Công nghệ', 'Sở Công Thương', 'Sở Ngoại vụ', 'Thanh tra tỉnh', 'Ban Dân tộc', 'Ban Quản lý Khu kinh tế, công nghiệp tỉnh',
        'Văn phòng UBND tỉnh', 'Đài Phát thanh và Truyền hình tỉnh',
      ].map((title, i) => ({ title, url: `https://so-${pad(i + 1)}.thuathienhue.gov.vn/` })),
    },
    {
      title: 'Huyện, thị xã, thành phố',
      links: [
        ['Thành phố Huế', 'huecity'], ['Thị xã Hương Thủy', 'huongthuy'], ['Thị xã Hương Trà', 'huongtra'],
        ['Huyện Phong Điền', 'phongdien'], ['Huyện Quảng Điền', 'quangdien'], ['Huyện Phú Vang', 'phuvang'],
        ['Huyện Phú Lộc', 'phuloc'], ['Huyện Nam Đông', 'namdong'], ['Huyện A Lưới', 'aluoi'],
      ].map(([title, slug]) => ({ title, url: `https://${slug}.thuathienhue.gov.vn/` })),
    },
  ],
});

// The welcome line; the second message shows only in its period.
writeJson('banner.json', {
  version: 'portal-banner/1',
  messages: [
    { text: 'NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI MẶT TRẬN TỔ QUỐC VIỆT NAM CÁC CẤP TỈNH THỪA THIÊN HUẾ NHIỆM KỲ 2024 - 2029 !' },
    { text: 'Chào mừng kỷ niệm 49 năm Ngày Giải phóng hoàn toàn miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2024)', start: '2024-04-20T00:00:00+07:00', end: '2024-05-02T00:00:00+07:00' },
    { text: 'Festival Huế 2024 - Di sản văn hóa với hội nhập và phát triển', url: '/demo/tin-tuc.html?tag=Du%20l%E1%BB%8Bch' },
  ],
});

console.log(`Demo feeds written to ${path.relative(process.cwd(), out) || '.'}: ${items.length} news items, ${videos.length} videos, links, banner.`);
