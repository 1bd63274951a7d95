/** The claims of a JWT (tests read what the server minted; the server's own tests verify signatures). */
export function claimsOf(jwt: string | null | undefined): Record<string, unknown> {
  if (!jwt) throw new Error('no token');
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
