import type { SessionActivity } from '../../store/records.js';
import { clientAddress } from '../client-address.js';

/**
 * Best-effort device data for "active devices" lists, read from the User-Agent. Good enough to tell
 * "Chrome on macOS" from "Safari on iPhone"; never used for security decisions.
 */
export function activityFromRequest(request: Request): SessionActivity {
  const agent = request.headers.get('user-agent') ?? '';
  const browser =
    match(agent, /Edg\/([\d.]+)/, 'Edge') ??
    match(agent, /OPR\/([\d.]+)/, 'Opera') ??
    match(agent, /Firefox\/([\d.]+)/, 'Firefox') ??
    match(agent, /(?:Chrome|Chromium|HeadlessChrome)\/([\d.]+)/, 'Chrome') ??
    match(agent, /Version\/([\d.]+).*Safari/, 'Safari');
  const isMobile = /Mobi|Android|iPhone|iPad/i.test(agent);
  const osName = /Windows/.test(agent)
    ? 'Windows'
    : /iPhone|iPad|iOS/.test(agent)
      ? 'iOS'
      : /Mac OS X/.test(agent)
        ? 'macOS'
        : /Android/.test(agent)
          ? 'Android'
          : /Linux/.test(agent)
            ? 'Linux'
            : null;
  return {
    browserName: browser?.name ?? null,
    browserVersion: browser?.version ?? null,
    deviceType: /iPad|Tablet/i.test(agent) ? 'Tablet' : isMobile ? 'Mobile' : agent ? 'Desktop' : null,
    osName,
    ipAddress: clientAddress(request),
    city: null,
    country: null,
    isMobile,
  };
}

function match(agent: string, pattern: RegExp, name: string): { name: string; version: string } | null {
  const found = pattern.exec(agent);
  return found?.[1] ? { name, version: found[1] } : null;
}
