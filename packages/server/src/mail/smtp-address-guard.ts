import { lookup } from 'node:dns/promises';
import { BlockList, connect, isIP, type Socket } from 'node:net';

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

/** Resolves a host name to all its addresses (`dns.promises.lookup` with `all: true`). */
export type HostLookup = (host: string) => Promise<string[]>;

const systemLookup: HostLookup = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Opens a TCP connection to the SMTP host on an address that was checked: the host is resolved
 * once, every address is checked, and the socket goes to one of those same addresses. Checking and
 * then letting the SMTP client resolve the name again would leave a gap: a name whose DNS answer
 * changes between the two lookups (DNS rebinding) would pass the check and then connect to the
 * metadata service. TLS (implicit or STARTTLS) still verifies the certificate against the host name.
 */
export async function connectToAllowedSMTPHost(
  host: string,
  port: number,
  timeoutMs: number,
  resolve: HostLookup = systemLookup,
): Promise<Socket> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(bare) !== 0 ? [bare] : await resolve(bare);
  const forbidden = addresses.find(isForbiddenSMTPAddress);
  if (forbidden) {
    throw new Error(`${host} resolves to ${forbidden}, a link-local or reserved address; mail is not sent there`);
  }
  let lastError: unknown = new Error(`${host} has no address`);
  const deadline = Date.now() + timeoutMs;
  for (const address of addresses) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      return await connectTo(address, port, remaining);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function connectTo(address: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port });
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`connecting to ${address}:${port} timed out`)), timeoutMs);
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      resolve(socket);
    });
  });
}
