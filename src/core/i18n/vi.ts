/** Vietnamese: the default language. {@link Messages} is the shape every language fills. */
export const vi = {
  loading: 'Đang tải…',
  empty: 'Chưa có tin nào.',
  noMatch: 'Không có tin phù hợp.',
  retry: 'Thử lại',
  more: 'Xem thêm',
  staleNote: 'Đang hiển thị bản lưu trước đó.',
  errors: {
    http: 'Máy chủ trả lỗi',
    timeout: 'Máy chủ không trả lời kịp',
    offline: 'Không kết nối được máy chủ',
    blocked: 'Nguồn tin không cho phép trang này đọc',
    parse: 'Dữ liệu bị hỏng, không đọc được',
    format: 'Địa chỉ này không phải nguồn tin hợp lệ',
    version: 'Phiên bản nguồn tin không được hỗ trợ',
    'too-large': 'Dữ liệu quá lớn, không tải hết được',
    redirects: 'Địa chỉ chuyển hướng vòng quanh hoặc quá nhiều lần',
    config: 'Cấu hình tiện ích chưa đúng',
    'not-found': 'Không tìm thấy bài viết',
  },
  errorTitle: 'Không tải được tin',
  count: (n: number) => (n ? `${n} tin` : 'Không có tin nào'),
  more_loading: 'Đang tải thêm…',
};

export type Messages = typeof vi;
