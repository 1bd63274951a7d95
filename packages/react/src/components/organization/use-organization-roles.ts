'use client';
import { useLatchContext } from '../../latch-context.js';
import type { LatchInstance } from '../../latch-types.js';
import { listParams, orgRequest, type Page, type RoleJSON } from './org-fapi.js';
import { useOrgData } from './use-org-data.js';

/** The roles a member can be given in `organizationId` (system and custom ones), for the role pickers. */
export function useOrganizationRoles(organizationId: string): RoleJSON[] {
  const { latch } = useLatchContext();
  const roles = useOrgData(latch && `roles:${organizationId}`, () =>
    orgRequest<Page<RoleJSON>>(
      latch as LatchInstance,
      'GET',
      `/organizations/${organizationId}/roles`,
      listParams(100, 0),
    ),
  );
  return roles.data?.data ?? [];
}
