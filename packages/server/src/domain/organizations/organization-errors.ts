import { formError, LatchAPIError } from '../../errors.js';

/**
 * The Clerk-shaped errors organizations answer with (codes from Clerk's error catalogue). The
 * not-found one deliberately does not say whether the organization exists: a non-member learns
 * nothing about another organization.
 */
export const organizationErrors = {
  notFound: (what = 'organization') =>
    LatchAPIError.single(404, 'resource_not_found', 'not found', `The requested ${what} does not exist.`),
  notFoundOrUnauthorized: () =>
    LatchAPIError.single(
      404,
      'organization_not_found_or_unauthorized',
      'not found or unauthorized',
      "Given organization not found, or you don't have permission to access the organization",
    ),
  missingPermission: (permission: string) =>
    new LatchAPIError(403, [
      {
        code: 'missing_organization_permission',
        message: 'missing permission',
        long_message: 'Current user is missing an organization permission.',
        meta: { permissions: [permission] },
      },
    ]),
  minimumPermissionsNeeded: () =>
    LatchAPIError.single(
      400,
      'organization_minimum_permissions_needed',
      'minimum organization permissions needed',
      'There has to be at least one organization member with the minimum required permissions',
    ),
  alreadyMember: (who: string, param = 'user_id') =>
    LatchAPIError.single(
      400,
      'already_a_member_in_organization',
      'already a member',
      `${who} is already a member of the organization.`,
      param,
    ),
  invitationNotUnique: () =>
    LatchAPIError.single(
      400,
      'organization_invitation_not_unique',
      'organization invitation not unique',
      'Organizations cannot have duplicate pending invitations for an email address.',
      'email_address',
    ),
  invitationNotPending: () =>
    LatchAPIError.single(
      400,
      'organization_invitation_not_pending',
      'not pending',
      'The organization invitation is not in the "pending" status.',
    ),
  quotaExceeded: (limit: number) =>
    LatchAPIError.single(
      403,
      'organization_membership_quota_exceeded',
      'organization membership quota exceeded',
      `You have reached your limit of ${limit} organization memberships, including outstanding invitations.`,
    ),
  slugTaken: () =>
    LatchAPIError.single(422, 'form_identifier_exists', 'is taken', 'This slug is already taken.', 'slug'),
  unknownRole: (param = 'role') =>
    formError('form_param_value_invalid', param, 'is invalid', `${param} does not name an organization role.`),
  notAllowed: (longMessage: string) => LatchAPIError.single(403, 'not_allowed_access', 'not allowed', longMessage),
  disabled: () =>
    LatchAPIError.single(
      403,
      'organization_not_enabled_in_instance',
      'access denied',
      'The organizations feature is not enabled for this instance.',
    ),
};
