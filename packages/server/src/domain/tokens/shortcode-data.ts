import type { UserRecord } from '../../store/records.js';

/**
 * What `{{user.*}}` shortcodes can read, with Clerk's names. Private metadata is deliberately
 * absent: tokens travel to browsers.
 */
export function userShortcodeData(user: UserRecord): Record<string, unknown> {
  const primaryEmail = user.emailAddresses.find((email) => email.id === user.primaryEmailAddressId) ?? null;
  const primaryPhone = user.phoneNumbers.find((phone) => phone.id === user.primaryPhoneNumberId) ?? null;
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return {
    id: user.id,
    external_id: user.externalId,
    first_name: user.firstName,
    last_name: user.lastName,
    full_name: fullName === '' ? null : fullName,
    username: user.username,
    primary_email_address: primaryEmail?.value ?? null,
    primary_phone_number: primaryPhone?.value ?? null,
    email_verified: primaryEmail?.verificationStatus === 'verified',
    phone_number_verified: primaryPhone?.verificationStatus === 'verified',
    image_url: user.imageUrl ?? '',
    has_image: user.imageUrl !== null,
    public_metadata: user.publicMetadata,
    unsafe_metadata: user.unsafeMetadata,
    created_at: Math.floor(user.createdAt / 1000),
    updated_at: Math.floor(user.updatedAt / 1000),
    last_sign_in_at: user.lastSignInAt === null ? null : Math.floor(user.lastSignInAt / 1000),
    two_factor_enabled: false,
    password_enabled: user.password !== null,
  };
}
