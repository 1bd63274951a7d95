/**
 * @latch/backend — Latch for servers and edge runtimes (Web APIs only: fetch, Web Crypto via jose).
 * The public API mirrors `@clerk/backend`, so Clerk samples port by renaming imports.
 */
export type { ClientsAPI } from './api/clients-api.js';
export type { CreateJWTTemplateParams, JWTTemplatesAPI } from './api/jwt-templates-api.js';
export type { CreateOrganizationParams, OrganizationListParams, OrganizationsAPI } from './api/organizations-api.js';
export type {
  Client,
  DeletedObject,
  EmailAddress,
  HandshakePayload,
  JWKS,
  JwtTemplate,
  Metadata,
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
  PaginatedResourceResponse,
  PhoneNumber,
  Session,
  Token,
  User,
  Verification,
  WebhookAttempt,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookMessage,
} from './api/resources.js';
export type { SessionListParams, SessionsAPI } from './api/sessions-api.js';
export type {
  CreateUserParams,
  UpdateUserParams,
  UserListParams,
  UserMetadataParams,
  UsersAPI,
} from './api/users-api.js';
export type { WebhookEndpointParams, WebhooksAPI } from './api/webhooks-api.js';
export { createLatchClient, type LatchClient, type LatchOptions } from './create-latch-client.js';
export { isLatchAPIResponseError, type LatchAPIError, LatchAPIResponseError } from './errors/api-response-error.js';
export {
  type TokenCarrier,
  TokenVerificationError,
  TokenVerificationErrorAction,
  TokenVerificationErrorReason,
} from './errors/token-verification-error.js';
export { type DecodedJwt, decodeJwt, type JwtHeader, type JwtPayload } from './jwt/decode-jwt.js';
export { clearJWKSCache } from './keys/jwks-cache.js';
export {
  type AuthObject,
  type GetTokenOptions,
  type ServerGetToken,
  type SignedInAuthObject,
  type SignedOutAuthObject,
  signedInAuthObject,
  signedOutAuthObject,
} from './tokens/auth-objects.js';
export {
  type AuthenticateRequestDependencies,
  type AuthenticateRequestOptions,
  authenticateRequest,
} from './tokens/authenticate-request.js';
export { type CheckAuthorizationParams, createCheckAuthorization } from './tokens/check-authorization.js';
export { type OrganizationClaims, organizationClaims } from './tokens/organization-claims.js';
export {
  apiUrlFromPublishableKey,
  getCookieSuffix,
  type InstanceType,
  type PublishableKey,
  parsePublishableKey,
} from './tokens/publishable-key.js';
export {
  AuthErrorReason,
  type AuthReason,
  AuthStatus,
  type HandshakeState,
  type RequestState,
  type SignedInState,
  type SignedOutState,
} from './tokens/request-state.js';
export { type VerifyTokenOptions, type VerifyTokenResult, verifyToken } from './tokens/verify-token.js';
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  verifyWebhookSignature,
  type WebhookEvent,
  WebhookVerificationError,
} from './webhooks/verify-webhook.js';
