import { formError } from '../../errors.js';
import type { OrganizationSettingsRecord } from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';

/** The Backend API's `OrganizationSettings` JSON: roles by key, as Clerk shows them. */
export async function organizationSettingsJSON(store: Store, settings: OrganizationSettingsRecord) {
  const [creator, domainsDefault] = await Promise.all([
    store.organizations.roles.findById(settings.creatorRoleId),
    store.organizations.roles.findById(settings.domainsDefaultRoleId),
  ]);
  return {
    object: 'organization_settings' as const,
    enabled: settings.enabled,
    max_allowed_memberships: settings.maxAllowedMemberships,
    // Latch sets no quotas on roles, permissions or domains; 0 means "no limit" as for memberships.
    max_allowed_roles: 0,
    max_allowed_permissions: 0,
    max_allowed_domains: 0,
    creator_role: creator?.key ?? '',
    admin_delete_enabled: settings.adminDeleteEnabled,
    domains_enabled: settings.domainsEnabled,
    slug_disabled: false,
    domains_enrollment_modes: settings.domainsEnrollmentModes,
    domains_default_role: domainsDefault?.key ?? '',
  };
}

export interface OrganizationSettingsChanges {
  enabled?: boolean | undefined;
  maxAllowedMemberships?: number | undefined;
  adminDeleteEnabled?: boolean | undefined;
  domainsEnabled?: boolean | undefined;
  domainsEnrollmentModes?: OrganizationSettingsRecord['domainsEnrollmentModes'] | undefined;
  creatorRoleId?: string | undefined;
  domainsDefaultRoleId?: string | undefined;
}

/** Applies settings changes; role ids must name existing roles. */
export async function updateOrganizationSettings(
  store: Store,
  changes: OrganizationSettingsChanges,
  now: number,
): Promise<OrganizationSettingsRecord> {
  for (const [param, id] of [
    ['creator_role_id', changes.creatorRoleId],
    ['domains_default_role_id', changes.domainsDefaultRoleId],
  ] as const) {
    if (id !== undefined && !(await store.organizations.roles.findById(id))) {
      throw formError('form_param_value_invalid', param, 'is invalid', `${param} does not name an organization role.`);
    }
  }
  const current = await store.organizations.getSettings();
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const updated: OrganizationSettingsRecord = { ...current, ...defined };
  if (changes.domainsEnrollmentModes) updated.domainsEnrollmentModes = [...new Set(changes.domainsEnrollmentModes)];
  await store.organizations.saveSettings(updated, now);
  return updated;
}
