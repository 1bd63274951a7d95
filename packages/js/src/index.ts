/**
 * `@latch/js`: Latch in the browser, framework-free. The public API mirrors `@clerk/clerk-js`
 * (`Clerk` → `Latch`), so clerk-js code ports by renaming.
 */
export { cookieSuffix } from './app-cookies.js';
export {
  isLatchAPIResponseError,
  type LatchAPIError,
  LatchAPIResponseError,
  LatchRuntimeError,
  type LatchRuntimeErrorCode,
} from './errors.js';
export {
  Latch,
  type LatchListener,
  type LatchOptions,
  type LatchResources,
  type LoadOptions,
  type Organization,
  type SetActiveParams,
  type SignOutOptions,
} from './latch.js';
export type { NavigationOptions, RouterFn } from './navigation.js';
export { frontendApiBase, type InstanceType, parsePublishableKey } from './publishable-key.js';
export type { CheckAuthorizationParams } from './resources/authorization.js';
export { Client } from './resources/client.js';
export { EmailAddress } from './resources/email-address.js';
export { type AttributeData, type DisplayConfig, Environment, type UserSettings } from './resources/environment.js';
export type {
  AttemptAffiliationVerificationParams,
  OrganizationDomainResource,
  OrganizationEnrollmentMode,
  OrganizationInvitationResource,
  OrganizationInvitationStatus,
  OrganizationMembershipRequestResource,
  OrganizationMembershipResource,
  OrganizationSuggestionResource,
  PrepareAffiliationVerificationParams,
  PublicOrganizationData,
  PublicUserData,
  UpdateEnrollmentModeParams,
  UpdateOrganizationMembershipParams,
  UserOrganizationInvitationResource,
} from './resources/organization.js';
export type { ListItem, ListParams, PaginatedList } from './resources/paginated-list.js';
export { Session } from './resources/session.js';
export { SessionWithActivities } from './resources/session-with-activities.js';
export {
  type AttemptFirstFactorParams,
  type AttemptSecondFactorParams,
  type FirstFactorStrategy,
  type PrepareFirstFactorParams,
  type PrepareSecondFactorParams,
  SignIn,
  type SignInCreateParams,
  type SignInFactor,
  type SignInStatus,
} from './resources/sign-in.js';
export { SignUp, type SignUpCreateParams, type SignUpStatus } from './resources/sign-up.js';
export { type UpdatePasswordParams, type UpdateUserParams, User } from './resources/user.js';
export { Verification } from './resources/verification.js';
export type { CookieAttributes, CookieJar, LatchRuntime, PageLifecycle, TabChannel } from './runtime/runtime.js';
export type { TabMessage } from './tab-sync.js';
export type { GetTokenOptions } from './tokens/get-token-options.js';
export { LATCH_JS_VERSION } from './version.js';
