import { __experimental_JWTPayloadToAuthObjectProperties as clerkClaimsParser } from '@clerk/shared/jwtPayloadParser';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInBrowser } from '../../server/test/fapi/handshake/browser.js';
import { DATABASES } from '../../server/test/support/databases.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { decodeTokenClaims, organizationFromClaims } from '../src/hooks/token-claims.js';
import {
  type InitialAuthState,
  LatchProvider,
  PaginatedResource,
  type PaginatedResponse,
  useAuth,
  useOrganization,
  useOrganizationList,
} from '../src/index.js';

interface MembershipJSON {
  id: string;
  public_user_data: { user_id: string };
}

/**
 * The organization hooks' building blocks against a real Latch: Clerk's paginated-resource behaviour
 * over the server's real `limit`/`offset` lists, the session token's organization claims read the way
 * `@clerk/shared` reads them, and the hooks' first (server) render.
 */
describe.each(DATABASES)('organization hooks against a real Latch (%s)', (database) => {
  let t: TestServer;
  let organizationId: string;
  let userIds: string[];
  let owner: Awaited<ReturnType<typeof signedInBrowser>>;

  beforeAll(async () => {
    t = await startTestServer(database);
    owner = await signedInBrowser(t);
    const created = await t.api('/organizations', {
      method: 'POST',
      body: { name: 'Acme', slug: 'acme', created_by: owner.userId },
    });
    expect(created.status, await created.clone().text()).toBe(200);
    organizationId = ((await created.json()) as { id: string }).id;
    userIds = [owner.userId];
    for (let index = 0; index < 6; index += 1) {
      const user = await t.api('/users', {
        method: 'POST',
        body: { email_address: [`member${index}.${database}@example.com`], password: `member password ${index} 1234` },
      });
      const userId = ((await user.json()) as { id: string }).id;
      const membership = await t.api(`/organizations/${organizationId}/memberships`, {
        method: 'POST',
        body: { user_id: userId, role: 'org:member' },
      });
      expect(membership.status, await membership.clone().text()).toBe(200);
      userIds.push(userId);
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The Backend API's membership list, one page at a time, as a hook's fetcher. */
  function membershipPages(calls: { page: number; size: number }[] = []) {
    return async ({ initialPage, pageSize }: { initialPage: number; pageSize: number }) => {
      calls.push({ page: initialPage, size: pageSize });
      const response = await t.api(
        `/organizations/${organizationId}/memberships?limit=${pageSize}&offset=${(initialPage - 1) * pageSize}&order_by=created_at`,
      );
      expect(response.status).toBe(200);
      return (await response.json()) as PaginatedResponse<MembershipJSON>;
    };
  }

  it('pages through 7 memberships 3 at a time: count, pageCount, next/previous, cached pages', async () => {
    const calls: { page: number; size: number }[] = [];
    const list = new PaginatedResource(membershipPages(calls), { pageSize: 3 });
    expect(list.getSnapshot()).toMatchObject({ data: [], count: 0, isLoading: false, page: 1 });
    const loading = list.load();
    expect(list.getSnapshot()).toMatchObject({ isLoading: true, isFetching: true });
    await loading;
    const first = list.getSnapshot();
    expect(first).toMatchObject({ count: 7, pageCount: 3, page: 1, hasNextPage: true, hasPreviousPage: false });
    expect(first.isLoading).toBe(false);
    expect(first.data.map((m) => m.public_user_data.user_id)).toEqual(userIds.slice(0, 3));

    first.fetchNext();
    await list.settled();
    expect(list.getSnapshot().data.map((m) => m.public_user_data.user_id)).toEqual(userIds.slice(3, 6));
    list.getSnapshot().fetchNext();
    await list.settled();
    const last = list.getSnapshot();
    expect(last).toMatchObject({ page: 3, hasNextPage: false, hasPreviousPage: true });
    expect(last.data.map((m) => m.public_user_data.user_id)).toEqual(userIds.slice(6));
    last.fetchNext(); // nothing after the last page
    expect(list.getSnapshot().page).toBe(3);

    list.getSnapshot().fetchPrevious();
    expect(list.getSnapshot(), 'a page seen before shows at once').toMatchObject({ page: 2, isFetching: false });
    list.getSnapshot().fetchPage((current) => current - 1);
    expect(list.getSnapshot().data.map((m) => m.public_user_data.user_id)).toEqual(userIds.slice(0, 3));
    expect(calls).toEqual([
      { page: 1, size: 3 },
      { page: 2, size: 3 },
      { page: 3, size: 3 },
    ]);
  });

  it('infinite mode accumulates pages; revalidate re-reads them after a change', async () => {
    const list = new PaginatedResource(membershipPages(), { pageSize: 3, infinite: true });
    await list.load();
    list.getSnapshot().fetchNext();
    await list.settled();
    expect(list.getSnapshot().data.map((m) => m.public_user_data.user_id)).toEqual(userIds.slice(0, 6));
    list.getSnapshot().fetchNext();
    await list.settled();
    expect(list.getSnapshot()).toMatchObject({ count: 7, hasNextPage: false });
    expect(list.getSnapshot().data).toHaveLength(7);

    const removed = userIds[6] as string;
    const deleted = await t.api(`/organizations/${organizationId}/memberships/${removed}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    await list.getSnapshot().revalidate();
    expect(list.getSnapshot().count).toBe(6);
    expect(list.getSnapshot().data.map((m) => m.public_user_data.user_id)).toEqual(userIds.slice(0, 6));
    const restored = await t.api(`/organizations/${organizationId}/memberships`, {
      method: 'POST',
      body: { user_id: removed, role: 'org:member' },
    });
    expect(restored.status).toBe(200);
  });

  it('keepPreviousData shows the last page while the next one loads; errors are reported, not thrown', async () => {
    const list = new PaginatedResource(membershipPages(), { pageSize: 2, keepPreviousData: true });
    await list.load();
    const firstPage = list.getSnapshot().data;
    list.getSnapshot().fetchNext();
    // As with SWR (which Clerk's hooks use), the previous page is not "loaded data": isLoading stays true.
    expect(list.getSnapshot()).toMatchObject({ page: 2, isFetching: true, isLoading: true });
    expect(list.getSnapshot().data).toEqual(firstPage);
    await list.settled();
    expect(list.getSnapshot().data).not.toEqual(firstPage);

    const failing = new PaginatedResource(
      async ({ initialPage, pageSize }) => {
        const response = await t.api(
          `/organizations/org_missing/memberships?limit=${pageSize}&offset=${(initialPage - 1) * pageSize}`,
        );
        if (!response.ok) throw new Error(`GET memberships: ${response.status}`);
        return (await response.json()) as PaginatedResponse<MembershipJSON>;
      },
      { pageSize: 2 },
    );
    await failing.load();
    expect(failing.getSnapshot()).toMatchObject({ isError: true, isLoading: false, data: [], count: 0 });
    expect(failing.getSnapshot().error?.message).toBe('GET memberships: 404');
  });

  it('reads the organization from a real session token exactly as @clerk/shared does', async () => {
    const touched = await owner.browser.post(`/v1/client/sessions/${owner.session.id}/touch`, {
      active_organization_id: organizationId,
    });
    expect(touched.status, await touched.clone().text()).toBe(200);
    const minted = await owner.browser.post(`/v1/client/sessions/${owner.session.id}/tokens`);
    expect(minted.status, await minted.clone().text()).toBe(200);
    const { jwt } = (await minted.json()) as { jwt: string };
    const claims = decodeTokenClaims(jwt);
    const ours = organizationFromClaims(claims);
    const clerks = clerkClaimsParser(claims as never);
    expect(ours).toEqual({
      orgId: clerks.orgId,
      orgRole: clerks.orgRole,
      orgSlug: clerks.orgSlug,
      orgPermissions: clerks.orgPermissions,
    });
    expect(ours).toMatchObject({ orgId: organizationId, orgRole: 'org:admin', orgSlug: 'acme' });
    expect(ours?.orgPermissions).toContain('org:sys_memberships:manage');
    expect(decodeTokenClaims('not-a-jwt')).toBeNull();
    expect(organizationFromClaims({ v: 2, sub: 'user_1' })).toBeNull();
  });
});

describe('organization hooks on the first (server) render', () => {
  const PUBLISHABLE_KEY = 'pk_live_Y2xlcmsuYXBwLnRlc3Qk';
  const SIGNED_IN: InitialAuthState = {
    userId: 'user_1',
    sessionId: 'sess_1',
    sessionStatus: 'active',
    sessionClaims: { sub: 'user_1', sid: 'sess_1' },
    actor: null,
    orgId: 'org_1',
    orgRole: 'org:admin',
    orgSlug: 'acme',
    orgPermissions: ['org:reports:read'],
  };

  function Probe() {
    const organization = useOrganization({ memberships: { pageSize: 5, infinite: true }, invitations: true });
    const list = useOrganizationList({ userMemberships: true });
    const { orgId, orgRole, orgSlug, has } = useAuth();
    return (
      <pre>
        {JSON.stringify({
          organization: [organization.isLoaded, organization.organization ?? 'undefined'],
          memberships: [
            organization.memberships.data,
            organization.memberships.count,
            organization.memberships.isLoading,
          ],
          domains: typeof organization.domains.fetchNext,
          list: [list.isLoaded, list.organizationList ?? 'undefined', typeof list.setActive],
          userMemberships: [list.userMemberships.data, list.userMemberships.count],
          auth: [orgId, orgRole, orgSlug, has({ role: 'org:admin' }), has({ permission: 'org:reports:read' })],
        })}
      </pre>
    );
  }

  function render(initialState: InitialAuthState | null): Record<string, unknown> {
    const html = renderToString(
      <LatchProvider publishableKey={PUBLISHABLE_KEY} initialState={initialState}>
        <Probe />
      </LatchProvider>,
    );
    const text = /<pre>(.*)<\/pre>/s.exec(html)?.[1] ?? '';
    return JSON.parse(text.replaceAll('&quot;', '"'));
  }

  it('answers "not loaded" with empty lists, while useAuth already knows the organization from the server', () => {
    expect(render(SIGNED_IN)).toEqual({
      organization: [false, 'undefined'],
      memberships: [[], 0, false],
      domains: 'undefined',
      list: [false, 'undefined', 'undefined'],
      userMemberships: [[], 0],
      auth: ['org_1', 'org:admin', 'acme', true, true],
    });
    expect(render(null).auth).toEqual([null, null, null, false, false]);
  });
});
