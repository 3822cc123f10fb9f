/** toPortalError (src/core/errors.ts) in a page: a failed fetch of another origin while online is `blocked`, else `offline`. */
import { expect } from '@open-wc/testing';
import { PortalError, toPortalError } from '../../src/core/errors.js';
import { errorTexts } from '../../src/core/i18n/errors.js';

describe('toPortalError in a page', () => {
  const failed = () => new TypeError('Failed to fetch');

  it('a fetch of another origin that fails while online: blocked (most often no CORS headers)', () => {
    expect(navigator.onLine).to.equal(true);
    expect(toPortalError(failed(), 'https://tin.example/feed.json').code).to.equal('blocked');
  });

  it('the same origin, no URL, or another error: offline, with the message as detail', () => {
    expect(toPortalError(failed(), '/feed.json').code).to.equal('offline');
    expect(toPortalError(failed(), `${location.origin}/feed.json`).code).to.equal('offline');
    expect(toPortalError(failed()).code).to.equal('offline');
    const other = toPortalError(new Error('boom'), 'https://tin.example/feed.json');
    expect([other.code, other.detail]).to.deep.equal(['offline', 'boom']);
  });

  it('a time-out and a PortalError pass through as they are', () => {
    const own = new PortalError('http', 'HTTP 500', 500);
    expect(toPortalError(own)).to.equal(own);
    expect(toPortalError(new DOMException('late', 'TimeoutError'), 'https://tin.example/').code).to.equal('timeout');
  });

  it('the blocked text names the server, not a news feed: the banner, the link directory and the visit counter show it too', () => {
    expect(errorTexts.vi.blocked).to.match(/^Máy chủ /).and.not.match(/nguồn tin|tin tức/i);
    expect(errorTexts.en.blocked).to.match(/^The server /).and.not.match(/feed|news/i);
  });
});
