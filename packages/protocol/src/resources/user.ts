import { z } from 'zod';

/** A verification as Clerk renders it on an identifier (`null` when none was attempted). */
export const VerificationJSON = z
  .object({
    object: z.literal('verification_admin').or(z.literal('verification_from_the_api')).optional(),
    status: z.enum(['unverified', 'verified', 'transferable', 'failed', 'expired']),
    strategy: z.string(),
    attempts: z.number().int().nullable(),
    expire_at: z.number().int().nullable(),
  })
  .meta({ id: 'Verification' });
export type VerificationJSON = z.infer<typeof VerificationJSON>;

/** An email address identifier. */
export const EmailAddressJSON = z
  .object({
    id: z.string(),
    object: z.literal('email_address'),
    email_address: z.string(),
    reserved: z.boolean(),
    verification: VerificationJSON.nullable(),
    linked_to: z.array(z.object({ type: z.string(), id: z.string() })),
    matches_sso_connection: z.boolean(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'EmailAddress' });
export type EmailAddressJSON = z.infer<typeof EmailAddressJSON>;

/** A phone number identifier (E.164). */
export const PhoneNumberJSON = z
  .object({
    id: z.string(),
    object: z.literal('phone_number'),
    phone_number: z.string(),
    reserved_for_second_factor: z.boolean(),
    default_second_factor: z.boolean(),
    reserved: z.boolean(),
    verification: VerificationJSON.nullable(),
    linked_to: z.array(z.object({ type: z.string(), id: z.string() })),
    backup_codes: z.array(z.string()).nullable(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'PhoneNumber' });
export type PhoneNumberJSON = z.infer<typeof PhoneNumberJSON>;

const Metadata = z.record(z.string(), z.unknown());

/** The Backend API user: Clerk's `User` object, snake_case, Unix-millisecond timestamps. */
export const UserJSON = z
  .object({
    id: z.string(),
    object: z.literal('user'),
    external_id: z.string().nullable(),
    primary_email_address_id: z.string().nullable(),
    primary_phone_number_id: z.string().nullable(),
    primary_web3_wallet_id: z.string().nullable(),
    username: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    locale: z.string().nullable(),
    profile_image_url: z.string(),
    image_url: z.string(),
    has_image: z.boolean(),
    public_metadata: Metadata,
    private_metadata: Metadata.nullable(),
    unsafe_metadata: Metadata,
    email_addresses: z.array(EmailAddressJSON),
    phone_numbers: z.array(PhoneNumberJSON),
    web3_wallets: z.array(z.unknown()),
    passkeys: z.array(z.unknown()),
    password_enabled: z.boolean(),
    two_factor_enabled: z.boolean(),
    totp_enabled: z.boolean(),
    backup_code_enabled: z.boolean(),
    mfa_enabled_at: z.number().int().nullable(),
    mfa_disabled_at: z.number().int().nullable(),
    password_last_updated_at: z.number().int().nullable(),
    external_accounts: z.array(z.unknown()),
    saml_accounts: z.array(z.unknown()),
    enterprise_accounts: z.array(z.unknown()),
    organization_memberships: z.array(z.unknown()).nullable(),
    last_sign_in_at: z.number().int().nullable(),
    banned: z.boolean(),
    locked: z.boolean(),
    lockout_expires_in_seconds: z.number().int().nullable(),
    verification_attempts_remaining: z.number().int().nullable(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
    delete_self_enabled: z.boolean(),
    create_organization_enabled: z.boolean(),
    create_organizations_limit: z.number().int().nullable(),
    last_active_at: z.number().int().nullable(),
    legal_accepted_at: z.number().int().nullable(),
    bypass_client_trust: z.boolean(),
  })
  .meta({ id: 'User' });
export type UserJSON = z.infer<typeof UserJSON>;
