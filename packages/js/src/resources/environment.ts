import { camelizeKeys } from './convert.js';
import type { EnvironmentJSON } from './json.js';

/**
 * How the instance is configured (`/v1/environment`): which identifiers and factors exist
 * (`userSettings`), names and URLs (`displayConfig`), session mode (`authConfig`).
 *
 * Like clerk-js, `userSettings` keeps each section's inner fields as the wire spells them
 * (`userSettings.attributes.email_address.used_for_first_factor`); `displayConfig` and
 * `authConfig` are camelCased (`displayConfig.applicationName`).
 */
export class Environment {
  readonly id: string;
  readonly authConfig: { singleSessionMode: boolean; [key: string]: unknown };
  readonly displayConfig: DisplayConfig;
  readonly userSettings: UserSettings;
  readonly organizationSettings: Record<string, unknown>;
  readonly maintenanceMode: boolean;

  constructor(json: EnvironmentJSON) {
    this.id = json.id;
    const authConfig = camelizeKeys(json.auth_config ?? {});
    this.authConfig = { ...authConfig, singleSessionMode: authConfig.singleSessionMode === true };
    this.displayConfig = camelizeKeys<DisplayConfig>(json.display_config ?? {});
    const settings = json.user_settings ?? {};
    const userSettings: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(settings)) {
      userSettings[key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())] = value;
    }
    this.userSettings = userSettings as unknown as UserSettings;
    this.organizationSettings = camelizeKeys(json.organization_settings ?? {});
    this.maintenanceMode = json.maintenance_mode ?? false;
  }

  isSingleSession(): boolean {
    return this.authConfig.singleSessionMode === true;
  }
}

export interface DisplayConfig {
  applicationName: string;
  instanceEnvironmentType: 'production' | 'development';
  homeUrl: string;
  signInUrl: string;
  signUpUrl: string;
  userProfileUrl: string;
  afterSignInUrl: string;
  afterSignUpUrl: string;
  afterSignOutOneUrl: string;
  afterSignOutAllUrl: string;
  preferredSignInStrategy: 'password' | 'otp';
  logoImageUrl: string | null;
  faviconImageUrl: string | null;
  [key: string]: unknown;
}

export interface AttributeData {
  enabled: boolean;
  required: boolean;
  verifications: string[];
  used_for_first_factor: boolean;
  first_factors: string[];
  used_for_second_factor: boolean;
  second_factors: string[];
  verify_at_sign_up: boolean;
  [key: string]: unknown;
}

export interface UserSettings {
  attributes: Record<string, AttributeData>;
  social: Record<string, unknown>;
  signIn: { second_factor: { required: boolean; enabled?: boolean } };
  signUp: { allowlist_only: boolean; progressive: boolean; mode: string; legal_consent_enabled: boolean };
  passwordSettings: {
    min_length: number;
    max_length: number;
    require_special_char: boolean;
    require_numbers: boolean;
    require_uppercase: boolean;
    require_lowercase: boolean;
    [key: string]: unknown;
  };
  actions: { delete_self: boolean; create_organization: boolean };
  [key: string]: unknown;
}
