/**
 * What went wrong, in the reader's words, per {@link PortalErrorCode}. Apart
 * from the shared table: widgets load it with their first error
 * (src/internal/messages.ts), so a page that shows none never downloads it.
 */
import type { PortalErrorCode } from '../errors.js';
import type { Localized } from './index.js';

export type ErrorTexts = Record<PortalErrorCode, string>;

export const errorTexts: Localized<ErrorTexts> = {
  vi: {
      http: 'Máy chủ trả lỗi',
      timeout: 'Máy chủ không trả lời kịp',
      offline: 'Không kết nối được máy chủ',
      blocked: 'Máy chủ không cho phép trang này đọc dữ liệu',
      parse: 'Dữ liệu bị hỏng, không đọc được',
      format: 'Địa chỉ này không phải nguồn tin hợp lệ',
      version: 'Phiên bản định dạng này không được hỗ trợ',
      'too-large': 'Dữ liệu quá lớn, không tải hết được',
      redirects: 'Địa chỉ chuyển hướng vòng quanh hoặc quá nhiều lần',
      config: 'Cấu hình tiện ích chưa đúng',
      'not-found': 'Không tìm thấy bài viết',
  },
  en: {
      http: 'The server answered with an error',
      timeout: 'The server did not answer in time',
      offline: 'Could not reach the server',
      blocked: 'The server does not allow this site to read its data',
      parse: 'The data is damaged and cannot be read',
      format: 'This address is not a valid news source',
      version: 'This format version is not supported',
      'too-large': 'The document is too large to load',
      redirects: 'The address redirects in a loop or too many times',
      config: 'The widget is not set up correctly',
      'not-found': 'Article not found',
  },
};
