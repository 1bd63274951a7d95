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
// Metadata services that live outside link-local: AWS over IPv6, Alibaba Cloud.
FORBIDDEN.addAddress('fd00:ec2::254', 'ipv6');
FORBIDDEN.addAddress('100.100.100.200', 'ipv4');

/**
 * Whether `address` (an IP literal) is one an SMTP server may not have. An IPv4 address inside IPv6
 * (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` or its hex form) counts as that IPv4 address.
 */
export function isForbiddenSMTPAddress(address: string): boolean {
  const embedded = embeddedIPv4(address);
  if (embedded) return FORBIDDEN.check(embedded, 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function embeddedIPv4(address: string): string | null {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = Number.parseInt(hex[1] as string, 16);
  const low = Number.parseInt(hex[2] as string, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
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
