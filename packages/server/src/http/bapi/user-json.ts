import type { EmailAddressJSON, PhoneNumberJSON, UserJSON } from '@latch/protocol';
import { lockoutExpiresInSeconds } from '../../domain/users/moderate-user.js';
import type { IdentifierRecord, UserRecord } from '../../store/records.js';

/** Renders a user as the Backend API's `User` (private metadata included: secret-key callers only). */
export function toUserJSON(user: UserRecord, now: number): UserJSON {
  const imageUrl = user.imageUrl ?? '';
  return {
    id: user.id,
    object: 'user',
    external_id: user.externalId,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: null,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    locale: user.locale,
    profile_image_url: imageUrl,
    image_url: imageUrl,
    has_image: user.imageUrl !== null,
    public_metadata: user.publicMetadata,
    private_metadata: user.privateMetadata,
    unsafe_metadata: user.unsafeMetadata,
    email_addresses: user.emailAddresses.map(toEmailAddressJSON),
    phone_numbers: user.phoneNumbers.map(toPhoneNumberJSON),
    web3_wallets: [],
    passkeys: [],
    password_enabled: user.password !== null,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    password_last_updated_at: user.password?.updatedAt ?? null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    organization_memberships: [],
    last_sign_in_at: user.lastSignInAt,
    banned: user.banned,
    locked: user.locked,
    lockout_expires_in_seconds: lockoutExpiresInSeconds(user, now),
    verification_attempts_remaining: null,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    delete_self_enabled: user.deleteSelfEnabled,
    create_organization_enabled: user.createOrganizationEnabled,
    create_organizations_limit: user.createOrganizationsLimit,
    last_active_at: user.lastActiveAt,
    legal_accepted_at: user.legalAcceptedAt,
    bypass_client_trust: false,
  };
}

function verificationOf(identifier: IdentifierRecord) {
  return {
    status: identifier.verificationStatus,
    strategy: identifier.verificationStrategy,
    attempts: null,
    expire_at: null,
  };
}

export function toEmailAddressJSON(identifier: IdentifierRecord): EmailAddressJSON {
  return {
    id: identifier.id,
    object: 'email_address',
    email_address: identifier.value,
    reserved: identifier.reserved,
    verification: verificationOf(identifier),
    linked_to: [],
    matches_sso_connection: false,
    created_at: identifier.createdAt,
    updated_at: identifier.updatedAt,
  };
}

export function toPhoneNumberJSON(identifier: IdentifierRecord): PhoneNumberJSON {
  return {
    id: identifier.id,
    object: 'phone_number',
    phone_number: identifier.value,
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: identifier.reserved,
    verification: verificationOf(identifier),
    linked_to: [],
    backup_codes: null,
    created_at: identifier.createdAt,
    updated_at: identifier.updatedAt,
  };
}
