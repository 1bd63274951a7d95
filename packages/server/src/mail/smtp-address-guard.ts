import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses an SMTP server may not have: link-local (169.254.0.0/16 — where clouds serve instance
 * metadata and credentials — and fe80::/10), "this host" (0.0.0.0/8, ::) and multicast. Loopback and
 * private ranges stay allowed: a relay on localhost or in the private network is the usual setup.
 * Whoever may change the mail settings must not turn "send a test email" into a way to reach the
 * metadata service.
 */
const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4');
FORBIDDEN.addSubnet('0.0.0.0', 8, 'ipv4');
FORBIDDEN.addSubnet('224.0.0.0', 4, 'ipv4');
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6');
FORBIDDEN.addSubnet('ff00::', 8, 'ipv6');
FORBIDDEN.addAddress('::', 'ipv6');

/** Whether `address` (an IP literal) is one an SMTP server may not have. IPv4-mapped IPv6 counts as IPv4. */
export function isForbiddenSMTPAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return FORBIDDEN.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Resolves the SMTP host (as the connection will) and throws when any of its addresses is forbidden.
 * A name that does not resolve is left to the connection to report.
 */
export async function assertSMTPHostAllowed(host: string): Promise<void> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(bare) !== 0) addresses = [bare];
  else {
    try {
      addresses = (await lookup(bare, { all: true })).map((entry) => entry.address);
    } catch {
      return;
    }
  }
  const forbidden = addresses.find(isForbiddenSMTPAddress);
  if (forbidden) {
    throw new Error(`${host} resolves to ${forbidden}, a link-local or reserved address; mail is not sent there`);
  }
}
