/**
 * Every error code Latch puts on the wire, in one place so servers and SDKs agree.
 * Codes follow Clerk's where Clerk has one, so `switch (err.code)` code written for Clerk keeps working.
 */
export const ERROR_CODES = [
  // Transport and authentication
  'malformed_request_body',
  'request_body_too_large',
  'unsupported_media_type',
  'authorization_header_missing',
  'authorization_header_format_invalid',
  'clerk_key_invalid',
  'resource_not_found',
  'route_not_found',
  'method_not_allowed',
  'too_many_requests',
  'internal_clerk_error',
  // Forms
  'form_param_missing',
  'form_param_nil',
  'form_param_unknown',
  'form_param_format_invalid',
  'form_param_value_invalid',
  'form_param_max_length_exceeded',
  'form_param_min_length_not_reached',
  'form_identifier_exists',
  'form_conditional_param_missing',
  'form_data_missing',
  // Passwords
  'form_password_length_too_short',
  'form_password_length_too_long',
  'form_password_validation_failed',
  'form_password_digest_invalid',
  'form_password_incorrect',
  'password_hasher_unsupported',
  'user_has_no_password',
  // Users
  'form_username_invalid_length',
  'form_username_invalid_character',
  'form_identifier_not_found',
  'primary_identifier_not_found',
  // Frontend API
  'origin_invalid',
  'authentication_invalid',
  'session_exists',
  'identifier_already_signed_in',
  'form_code_incorrect',
  'verification_expired',
  'verification_failed',
  'too_many_attempts',
  'verification_strategy_invalid',
  'strategy_for_user_invalid',
  'user_locked',
  'user_banned',
  'not_allowed_access',
  'sign_up_restricted',
  'form_password_pwned',
  'form_password_size_in_bytes_exceeded',
  'client_state_invalid',
  'sign_in_expired',
  'sign_up_expired',
  'feature_not_enabled',
  'redirect_url_invalid',
  'handshake_nonce_invalid',
  'template_not_found',
  'verification_already_verified',
  'verification_not_sent',
  'email_delivery_failed',
  // Organizations (Clerk's codes)
  'already_a_member_in_organization',
  'missing_organization_permission',
  'organization_not_found_or_unauthorized',
  'organization_not_enabled_in_instance',
  'organization_creator_not_found',
  'organization_domain_already_exists',
  'organization_domain_common',
  'organization_domain_enrollment_mode_not_enabled',
  'organization_invitation_not_unique',
  'organization_invitation_not_pending',
  'organization_membership_quota_exceeded',
  'organization_minimum_permissions_needed',
  'organization_role_assigned_members',
  'organization_role_exists_in_invitations',
  'organization_role_default_creator_role',
  'organization_role_domain_default_role',
  'organization_role_permission_association_exists',
  'organization_system_permission_not_modifiable',
] as const;

/** A stable, machine-readable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One error as it appears in `errors[]` of a Clerk-shaped error response. */
export interface ClerkAPIErrorJSON {
  code: ErrorCode;
  message: string;
  long_message: string;
  meta?: { param_name?: string; [key: string]: unknown };
}

/** The body of every non-2xx response. */
export interface ClerkErrorResponseJSON {
  errors: ClerkAPIErrorJSON[];
  clerk_trace_id?: string;
}
