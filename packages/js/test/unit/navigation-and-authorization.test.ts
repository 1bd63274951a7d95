import { describe, expect, it } from 'vitest';
import { navigateTo, withRedirectUrl } from '../../src/navigation.js';
import { checkMembership } from '../../src/resources/authorization.js';

describe('redirect URLs', () => {
  it('appends redirect_url, keeping an existing query and hash', () => {
    expect(withRedirectUrl('/sign-in', 'https://app.example.com/a?b=1')).toBe(
      '/sign-in?redirect_url=https%3A%2F%2Fapp.example.com%2Fa%3Fb%3D1',
    );
    expect(withRedirectUrl('/sign-in?x=1#top', '/back')).toBe('/sign-in?x=1&redirect_url=%2Fback#top');
    expect(withRedirectUrl('/sign-in', undefined)).toBe('/sign-in');
  });

  it('navigates through the app router, replace falling back to push', async () => {
    const pushed: string[] = [];
    await navigateTo('/dashboard', { routerPush: (to) => pushed.push(to) }, 'push');
    await navigateTo('/sign-in', { routerPush: (to) => pushed.push(`push:${to}`) }, 'replace');
    expect(pushed).toEqual(['/dashboard', 'push:/sign-in']);
  });
});

describe('checkAuthorization', () => {
  const memberships = [
    {
      role: 'org:admin',
      permissions: ['org:sys_memberships:manage', 'org:invoices:create'],
      organization: { id: 'org_1' },
    },
    { role: 'org:member', permissions: [], organization: { id: 'org_2' } },
  ];

  it('checks role and permission in the active organization only', () => {
    expect(checkMembership(memberships, 'org_1', { role: 'org:admin' })).toBe(true);
    expect(checkMembership(memberships, 'org_1', { role: 'admin' })).toBe(true);
    expect(checkMembership(memberships, 'org_1', { permission: 'org:invoices:create' })).toBe(true);
    expect(checkMembership(memberships, 'org_2', { permission: 'org:invoices:create' })).toBe(false);
    expect(checkMembership(memberships, 'org_1', { role: 'org:admin', permission: 'org:nope' })).toBe(false);
  });

  it('never grants by omission', () => {
    expect(checkMembership(memberships, null, { role: 'org:admin' })).toBe(false);
    expect(checkMembership(memberships, 'org_1', {})).toBe(false);
    expect(checkMembership(memberships, 'org_9', { role: 'org:admin' })).toBe(false);
  });
});
