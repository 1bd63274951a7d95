import type { EnvironmentJSON } from '@latch/protocol';
import type { DomainEnrollmentMode } from '../../store/organization-store.js';
import type { InstanceRecord } from '../../store/records.js';
import { toDisplayConfigJSON } from './display-config-json.js';
import { toUserSettingsJSON } from './user-settings-json.js';

export interface EnvironmentJSONOptions {
  /** Public URL of the Frontend API (`ServerConfig.frontendApiUrl`); hosted pages live on it. */
  frontendApiUrl: string;
  /** The instance's organization settings with role keys resolved; Latch's defaults when omitted. */
  organizations?: EnvironmentOrganizationSettings;
}

export interface EnvironmentOrganizationSettings {
  enabled: boolean;
  maxAllowedMemberships: number;
  adminDeleteEnabled: boolean;
  domainsEnabled: boolean;
  enrollmentModes: DomainEnrollmentMode[];
  creatorRole: string;
  defaultRole: string | null;
}

const DEFAULT_ORGANIZATION_SETTINGS: EnvironmentOrganizationSettings = {
  enabled: true,
  maxAllowedMemberships: 0,
  adminDeleteEnabled: true,
  domainsEnabled: false,
  enrollmentModes: [],
  creatorRole: 'org:admin',
  defaultRole: null,
};

/**
 * Renders the instance as the Frontend API's `/v1/environment` body, which tells clerk-js and
 * @clerk/ui what to show. A pure function of the instance: the same settings give the same bytes,
 * so the body can be cached until the settings change.
 *
 * Features Latch does not offer are advertised as off (the UI would otherwise call endpoints that do
 * not exist); captcha, Clerk Protect loaders and billing stay off because they load third-party code.
 *
 * @example
 * const body = toEnvironmentJSON(instance, { frontendApiUrl: config.frontendApiUrl });
 * body.auth_config.single_session_mode; // true for the default settings
 */
export function toEnvironmentJSON(instance: InstanceRecord, options: EnvironmentJSONOptions): EnvironmentJSON {
  const frontendApiUrl = options.frontendApiUrl.replace(/\/+$/, '');
  // Sub-objects carry Clerk-style ids; derived from the instance id, they never change.
  const suffix = instance.id.slice(instance.id.indexOf('_') + 1);
  const idFor = (prefix: string) => `${prefix}_${suffix}`;
  const organizations = options.organizations ?? DEFAULT_ORGANIZATION_SETTINGS;
  return {
    object: 'environment',
    id: instance.id,
    auth_config: {
      object: 'auth_config',
      id: idFor('aac'),
      single_session_mode: instance.settings.sessions.mode === 'single',
      claimed_at: null,
      reverification: false,
      session_minter: false,
    },
    display_config: toDisplayConfigJSON(instance, frontendApiUrl, idFor('display_config')),
    user_settings: toUserSettingsJSON(instance.settings),
    organization_settings: {
      enabled: organizations.enabled,
      // 0 = no cap; the UI reads the per-organization value, not this one.
      max_allowed_memberships: organizations.maxAllowedMemberships,
      force_organization_selection: false,
      creator_role: organizations.creatorRole,
      actions: { admin_delete: organizations.adminDeleteEnabled },
      domains: {
        enabled: organizations.domainsEnabled,
        enrollment_modes: organizations.enrollmentModes,
        default_role: organizations.defaultRole,
      },
      slug: { disabled: false },
      organization_creation_defaults: { enabled: false },
    },
    commerce_settings: {
      object: 'commerce_settings',
      id: idFor('commerce_settings'),
      billing: {
        stripe_publishable_key: null,
        user: { enabled: false, has_paid_plans: false },
        organization: { enabled: false, has_paid_plans: false },
      },
    },
    api_keys_settings: {
      object: 'api_keys_settings',
      id: idFor('api_keys_settings'),
      enabled: false,
      user_api_keys_enabled: false,
      orgs_api_keys_enabled: false,
    },
    // No `loaders`: each one is a third-party script clerk-js would inject into the app's pages.
    protect_config: { object: 'protect_config', id: idFor('protect_config') },
    maintenance_mode: false,
    client_debug_mode: false,
    partitioned_cookies: false,
  };
}
