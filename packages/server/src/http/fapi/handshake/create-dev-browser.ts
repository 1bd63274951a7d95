import { LatchAPIError } from '../../../errors.js';
import { fapiRoute } from '../fapi-route.js';
import { browserClient } from './browser-client.js';

/**
 * `POST /v1/dev_browser` (development instances only): a dev-browser token, bare `{ id }`.
 *
 * Design: the dev-browser token *is* the client's `__client` token. Clerk's dev browser is exactly a
 * client credential that JavaScript can read (it travels in `__clerk_db_jwt` cookies and query
 * parameters), so a second credential would add storage and a lookup without adding safety. The
 * trade-off is stated plainly: on a development instance the client credential is readable by the
 * page and may appear in URLs. That is why this exists only for `pk_test_` instances, which are for
 * local development; production answers 404 and never plants or accepts the token. The response is
 * readable only by allowed origins (CORS), and the Origin check refuses cross-site POSTs.
 * The browser's existing client is reused so switching to dev-browser mode keeps its sessions.
 */
export const createDevBrowser = fapiRoute('POST', '/dev_browser', async (context) => {
  if (context.app.instance.environmentType !== 'development') {
    throw LatchAPIError.single(
      404,
      'feature_not_enabled',
      'not enabled',
      'Dev browsers exist only on development instances.',
    );
  }
  const { token } = await browserClient(context, { create: true });
  return { response: { id: token }, envelope: false };
});
