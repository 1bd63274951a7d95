import type { AppContext } from '../../../app-context.js';
import { type EnvironmentOrganizationSettings, toEnvironmentJSON } from '../environment-json.js';
import { fapiRoute } from '../fapi-route.js';

/** `GET /v1/environment` (production keys) and `PATCH` (development keys send it on every load). */
const environment = fapiRoute('GET', '/environment', async ({ app }) => ({
  response: toEnvironmentJSON(app.instance, {
    frontendApiUrl: app.config.frontendApiUrl,
    organizations: await organizationSettingsOf(app),
  }),
  envelope: false,
}));

/** The organization settings as clerk-js reads them: role keys, not ids (one page load, a few reads). */
async function organizationSettingsOf({ store }: AppContext): Promise<EnvironmentOrganizationSettings> {
  const settings = await store.organizations.getSettings();
  const [creatorRole, defaultRole] = await Promise.all([
    store.organizations.roles.findById(settings.creatorRoleId),
    store.organizations.roles.findById(settings.domainsDefaultRoleId),
  ]);
  return {
    enabled: settings.enabled,
    maxAllowedMemberships: settings.maxAllowedMemberships,
    adminDeleteEnabled: settings.adminDeleteEnabled,
    domainsEnabled: settings.domainsEnabled,
    enrollmentModes: settings.domainsEnrollmentModes,
    creatorRole: creatorRole?.key ?? 'org:admin',
    defaultRole: defaultRole?.key ?? null,
  };
}

export const ENVIRONMENT_ROUTES = [environment, { ...environment, method: 'PATCH' as const }];
