/**
 * Vietnamese: the default language, the words every widget shares. {@link Messages}
 * is the shape every language fills; the error texts are apart (./errors.ts).
 */
export const vi = {
  loading: 'Đang tải…',
  empty: 'Chưa có tin nào.',
  noMatch: 'Không có tin phù hợp.',
  retry: 'Thử lại',
  more: 'Xem thêm',
  staleNote: 'Đang hiển thị bản lưu trước đó.',
  errorTitle: 'Không tải được tin',
  count: (n: number) => (n ? `${n} tin` : 'Không có tin nào'),
  more_loading: 'Đang tải thêm…',
};

export type Messages = typeof vi;
