/**
 * The organization-hooks test page: renders what `useAuth`, `useOrganization` and `useOrganizationList`
 * report as JSON (`#state`) and exposes the hooks' actions on `window.orgHooks`, so the browser test
 * drives them exactly as an app's event handlers would.
 */
import { LatchProvider, useAuth, useOrganization, useOrganizationList, useSignIn } from '@latch/react';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    LATCH_PUBLISHABLE_KEY: string;
    orgHooks?: {
      signIn(email: string, password: string): Promise<void>;
      create(name: string): Promise<{ id: string; slug: string }>;
      activate(organizationId: string | null): Promise<void>;
      revalidateUserMemberships(): Promise<void>;
    };
  }
}

function Probe() {
  const auth = useAuth();
  const { signIn, setActive: setActiveSession } = useSignIn();
  const organization = useOrganization({ memberships: { pageSize: 5 } });
  const list = useOrganizationList({ userMemberships: { infinite: true } });

  useEffect(() => {
    window.orgHooks = {
      async signIn(email, password) {
        if (!signIn || !setActiveSession) throw new Error('not loaded');
        const attempt = await signIn.create({ identifier: email, strategy: 'password', password });
        await setActiveSession({ session: attempt.createdSessionId });
      },
      async create(name) {
        if (!list.isLoaded) throw new Error('not loaded');
        const created = await list.createOrganization({ name });
        return { id: created.id, slug: created.slug as string };
      },
      async activate(organizationId) {
        if (!list.isLoaded) throw new Error('not loaded');
        await list.setActive({ organization: organizationId });
      },
      async revalidateUserMemberships() {
        await list.userMemberships.revalidate?.();
      },
    };
  });

  const state = {
    auth: {
      isLoaded: auth.isLoaded,
      userId: auth.userId ?? null,
      orgId: auth.orgId ?? null,
      orgRole: auth.orgRole ?? null,
      orgSlug: auth.orgSlug ?? null,
      orgPermissions: auth.orgPermissions ?? null,
      isAdmin: auth.has({ role: 'org:admin' }),
      canManageMembers: auth.has({ permission: 'org:sys_memberships:manage' }),
    },
    organization: {
      isLoaded: organization.isLoaded,
      id: organization.organization?.id ?? null,
      membershipRole: organization.membership?.role ?? null,
      memberships: { count: organization.memberships.count, isLoading: organization.memberships.isLoading },
    },
    list: {
      isLoaded: list.isLoaded,
      organizationList: list.organizationList?.map((entry) => entry.organization.id) ?? null,
      userMemberships: { count: list.userMemberships.count, error: list.userMemberships.error?.message ?? null },
    },
  };
  return <pre id="state">{JSON.stringify(state)}</pre>;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <LatchProvider publishableKey={window.LATCH_PUBLISHABLE_KEY} proxyUrl="/__latch">
    <Probe />
  </LatchProvider>,
);
