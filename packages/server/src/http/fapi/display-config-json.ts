import type { DisplayConfigJSON, DisplayThemeJSON } from '@latch/protocol';
import type { InstanceRecord } from '../../store/records.js';

/**
 * Clerk's default theme. @clerk/ui styles itself from the app's `appearance` and does not read this,
 * but clerk-js keeps it on the resource, so it is sent complete.
 */
const DEFAULT_THEME: DisplayThemeJSON = {
  general: {
    color: '#6c47ff',
    background_color: '#ffffff',
    font_family: 'sans-serif',
    font_color: '#151515',
    label_font_weight: '600',
    padding: '1em',
    border_radius: '0.5em',
    box_shadow: '0 2px 8px rgba(0, 0, 0, 0.2)',
  },
  buttons: { font_color: '#ffffff', font_family: 'sans-serif', font_weight: '600' },
  accounts: { background_color: '#ffffff' },
};

/**
 * Renders `display_config`. Page URLs the operator has not set fall back to Latch's hosted pages on
 * the Frontend API's origin (`/sign-in`, `/sign-up`, `/user` …), where Clerk would point at its
 * Account Portal.
 *
 * @example
 * toDisplayConfigJSON(instance, 'https://auth.example.com', 'display_config_0Qm…').sign_in_url;
 * // 'https://auth.example.com/sign-in' unless settings.urls.signIn is set
 */
export function toDisplayConfigJSON(instance: InstanceRecord, frontendApiUrl: string, id: string): DisplayConfigJSON {
  const { applicationName, urls, signIn } = instance.settings;
  const hosted = (path: string) => `${frontendApiUrl}${path}`;
  const home = urls.home ?? hosted('/');
  const signInUrl = urls.signIn ?? hosted('/sign-in');
  const afterSignIn = urls.afterSignIn ?? home;
  return {
    object: 'display_config',
    id,
    application_name: applicationName,
    instance_environment_type: instance.environmentType,
    // `true` would add "Secured by Clerk" under every component.
    branded: false,
    theme: DEFAULT_THEME,
    // Which first factor the sign-in UI opens with when a user has both.
    preferred_sign_in_strategy: signIn.password ? 'password' : 'otp',
    logo_image_url: null,
    favicon_image_url: null,
    support_email: null,
    terms_url: null,
    privacy_policy_url: null,
    home_url: home,
    sign_in_url: signInUrl,
    sign_up_url: urls.signUp ?? hosted('/sign-up'),
    user_profile_url: hosted('/user'),
    organization_profile_url: hosted('/organization'),
    create_organization_url: hosted('/create-organization'),
    waitlist_url: hosted('/waitlist'),
    after_sign_in_url: afterSignIn,
    after_sign_up_url: urls.afterSignUp ?? afterSignIn,
    // Signing out of one of several sessions: Clerk's default is the sign-in page's account chooser.
    after_sign_out_one_url: urls.afterSignOut ?? `${signInUrl.replace(/\/+$/, '')}/choose`,
    after_sign_out_all_url: urls.afterSignOut ?? signInUrl,
    after_switch_session_url: afterSignIn,
    after_create_organization_url: home,
    after_leave_organization_url: home,
    after_join_waitlist_url: home,
    show_devmode_warning: instance.environmentType === 'development',
    // Captcha stays off: a public key makes clerk-js load Cloudflare Turnstile (PROTOCOL.md Appendix A).
    captcha_public_key: null,
    captcha_public_key_invisible: null,
    captcha_widget_type: null,
    captcha_provider: 'turnstile',
    captcha_oauth_bypass: [],
    captcha_heartbeat: false,
    google_one_tap_client_id: null,
    clerk_js_version: null,
  };
}
