'use client';
import { useLatchContext } from '../../latch-context.js';
import type { LatchInstance } from '../../latch-types.js';
import {
  type InvitationJSON,
  listParams,
  type MembershipJSON,
  orgRequest,
  type Page,
  type SuggestionJSON,
} from './org-fapi.js';
import { useOrgData } from './use-org-data.js';

/**
 * The signed-in user's memberships, pending invitations and pending suggestions — what the switcher
 * and `<OrganizationList/>` show. Read from the Frontend API's `/me/organization_*` lists (not from the
 * user resource), so they are right even before the user JSON carries `organization_memberships`.
 */
export function useMyOrganizations(options: { invitations?: boolean; suggestions?: boolean } = {}) {
  const { latch, resources } = useLatchContext();
  const userId = resources?.user?.id ?? null;
  const ready = latch && userId ? latch : null;
  const memberships = useOrgData(ready && `me:memberships:${userId}`, () =>
    orgRequest<Page<MembershipJSON>>(ready as LatchInstance, 'GET', '/me/organization_memberships', listParams(100, 0)),
  );
  const invitations = useOrgData(ready && options.invitations !== false && `me:invitations:${userId}`, () =>
    orgRequest<Page<InvitationJSON>>(ready as LatchInstance, 'GET', '/me/organization_invitations', {
      ...listParams(20, 0),
      status: 'pending',
    }),
  );
  const suggestions = useOrgData(ready && options.suggestions !== false && `me:suggestions:${userId}`, () =>
    orgRequest<Page<SuggestionJSON>>(ready as LatchInstance, 'GET', '/me/organization_suggestions', listParams(20, 0)),
  );
  return {
    memberships: memberships.data?.data ?? [],
    invitations: invitations.data?.data ?? [],
    suggestions: (suggestions.data?.data ?? []).filter((suggestion) => suggestion.public_organization_data),
    loading: memberships.loading,
    activeOrganizationId: resources?.session?.lastActiveOrganizationId ?? null,
  };
}
