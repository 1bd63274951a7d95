import type { AppContext } from '../../../app-context.js';
import { LatchAPIError } from '../../../errors.js';
import { isAllowedOrigin } from '../origin-policy.js';

/**
 * Where a handshake or touch may send the browser back to: an absolute http(s) URL, without
 * credentials, on an origin the instance allows. Anything else would turn the Frontend API into an
 * open redirect — and, for the handshake, hand a fresh session token to a page that is not ours.
 *
 * @example
 * requireRedirectURL(app, 'http://localhost:3000/dashboard') // URL
 * requireRedirectURL(app, 'https://evil.test/') // throws 422 redirect_url_invalid
 */
export function requireRedirectURL(app: AppContext, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('redirect_url must be an absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid('redirect_url must be an http or https URL.');
  if (url.username || url.password) throw invalid('redirect_url must not contain credentials.');
  if (!isAllowedOrigin(app, url.origin)) {
    throw invalid(`${url.origin} is not an allowed origin for this instance.`);
  }
  return url;
}

function invalid(longMessage: string) {
  return LatchAPIError.single(422, 'redirect_url_invalid', 'is invalid', longMessage, 'redirect_url');
}
