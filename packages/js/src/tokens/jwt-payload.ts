/** `iat`/`exp` of a JWT, read without verifying it (the server verifies; the SDK only schedules). */
export function readTokenTimes(jwt: string): { iat: number; exp: number } | null {
  const part = jwt.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))) as {
      iat?: unknown;
      exp?: unknown;
    };
    return typeof json.exp === 'number' && typeof json.iat === 'number' ? { iat: json.iat, exp: json.exp } : null;
  } catch {
    return null;
  }
}
