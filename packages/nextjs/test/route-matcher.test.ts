import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { createRouteMatcher } from '../src/server/route-matcher.js';

const request = (path: string) => new NextRequest(`http://app.test${path}`);

describe('createRouteMatcher', () => {
  it('matches the public routes of the product description', () => {
    const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)', '/sign-up(.*)', '/api/webhooks(.*)']);
    for (const path of ['/', '/sign-in', '/sign-in/factor-one', '/sign-up/verify', '/api/webhooks/latch', '/?q=1']) {
      expect(isPublicRoute(request(path)), path).toBe(true);
    }
    for (const path of ['/dashboard', '/api/users', '/signin', '/x/sign-in']) {
      expect(isPublicRoute(request(path)), path).toBe(false);
    }
  });

  it('understands named segments with and without their own pattern', () => {
    const isOrgRoute = createRouteMatcher(['/org/:slug(.*)']);
    const isAdminRoute = createRouteMatcher('/org/:slug/admin(.*)');
    const isUser = createRouteMatcher('/users/:id');
    expect(isOrgRoute(request('/org/acme'))).toBe(true);
    expect(isOrgRoute(request('/org/acme/settings'))).toBe(true);
    expect(isOrgRoute(request('/orgs'))).toBe(false);
    expect(isAdminRoute(request('/org/acme/admin'))).toBe(true);
    expect(isAdminRoute(request('/org/acme/admin/members'))).toBe(true);
    expect(isAdminRoute(request('/org/acme/settings'))).toBe(false);
    expect(isUser(request('/users/u_1'))).toBe(true);
    expect(isUser(request('/users/u_1/'))).toBe(true);
    expect(isUser(request('/users/u_1/posts'))).toBe(false);
  });

  it('takes regular expressions and predicates, and escapes literal characters', () => {
    expect(createRouteMatcher([/^\/reports\/\d+$/])(request('/reports/42'))).toBe(true);
    expect(createRouteMatcher([/^\/reports\/\d+$/])(request('/reports/x'))).toBe(false);
    expect(createRouteMatcher((req) => req.nextUrl.searchParams.has('preview'))(request('/a?preview=1'))).toBe(true);
    expect(createRouteMatcher('/file.txt')(request('/fileXtxt'))).toBe(false);
  });

  it('rejects malformed patterns when the matcher is created', () => {
    expect(() => createRouteMatcher('/org/:(.*)')).toThrow(/parameter name/);
    expect(() => createRouteMatcher('/a(b')).toThrow(/unbalanced/);
  });
});
