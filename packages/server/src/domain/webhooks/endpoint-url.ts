import { formError } from '../../errors.js';
import { isPrivateHost } from './network-policy.js';

/**
 * Checks an endpoint URL: absolute http(s), no embedded credentials (they would be logged and shown
 * back), and not a private-network host when the instance forbids those. Returns the normalised URL.
 */
export function validateEndpointURL(value: string, allowPrivateNetworks: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidURL('url must be an absolute http:// or https:// URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidURL(`url must use http or https, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username || url.password) {
    throw invalidURL('url must not contain a user name or password; authenticate with the signature instead.');
  }
  if (!allowPrivateNetworks && isPrivateHost(url.hostname)) {
    throw formError(
      'form_param_value_invalid',
      'url',
      'is not allowed',
      `${url.hostname} is a loopback or private-network address, which this instance does not deliver to ` +
        '(LATCH_WEBHOOK_ALLOW_PRIVATE_NETWORKS).',
    );
  }
  return url.toString();
}

function invalidURL(longMessage: string) {
  return formError('form_param_format_invalid', 'url', 'is invalid', longMessage);
}
