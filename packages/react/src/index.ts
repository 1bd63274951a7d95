/**
 * @latch/react: the provider, hooks and control components over `@latch/js` (Clerk's `@clerk/react`
 * API with `Clerk` renamed `Latch`). Visual components (`<SignIn>`, `<UserButton>`…) build on
 * `useLatchContext()`.
 */
export { type AuthSnapshot, deriveAuthSnapshot } from './auth-state.js';
export { type AuthorizationParams, checkAuthorization } from './authorization.js';
export * from './components/index.js';
export { Protect, type ProtectProps } from './components/protect.js';
export {
  buildRedirectUrl,
  type RedirectToProps,
  RedirectToSignIn,
  RedirectToSignUp,
} from './components/redirect-to.js';
export { SignedIn } from './components/signed-in.js';
export { SignedOut } from './components/signed-out.js';
export {
  PaginatedResource,
  type PaginatedResources,
  type PaginatedResponse,
  type PaginationParams,
} from './hooks/paginated-resource.js';
export { type UseAuthReturn, useAuth } from './hooks/use-auth.js';
export { useLatch } from './hooks/use-latch.js';
export { type UseOrganizationParams, type UseOrganizationReturn, useOrganization } from './hooks/use-organization.js';
export {
  type OrganizationListEntry,
  type UseOrganizationListParams,
  type UseOrganizationListReturn,
  useOrganizationList,
} from './hooks/use-organization-list.js';
export { type UseSessionReturn, useSession } from './hooks/use-session.js';
export { type UseSessionListReturn, useSessionList } from './hooks/use-session-list.js';
export { useSignIn } from './hooks/use-sign-in.js';
export { useSignUp } from './hooks/use-sign-up.js';
export { type UseUserReturn, useUser } from './hooks/use-user.js';
export { type InitialAuthState, SIGNED_OUT_STATE } from './initial-state.js';
export {
  LatchContext,
  type LatchContextValue,
  type LatchProviderOptions,
  useLatchContext,
} from './latch-context.js';
export { LatchProvider, type LatchProviderProps } from './latch-provider.js';
export type * from './latch-types.js';
