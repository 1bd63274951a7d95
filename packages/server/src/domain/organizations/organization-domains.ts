import { formError, LatchAPIError } from '../../errors.js';
import type {
  DomainEnrollmentMode,
  OrganizationDomainRecord,
  OrganizationRecord,
} from '../../store/organization-store.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { createId } from '../ids.js';
import { codeCheckError, verificationAlreadyVerified, verificationNotSent } from '../verification/code-check-errors.js';
import { checkCode, checkCodeSerialized, issueCode } from '../verification/verification-code.js';
import { type ChangeContext, deletedObject, emitOrganizationEvent } from './organization-events.js';

/** Providers anyone can have an address at: verifying one would enroll half the internet. */
const COMMON_EMAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'yandex.com',
  'orange.fr',
  'free.fr',
]);

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const domainAlreadyExists = () =>
  LatchAPIError.single(
    422,
    'organization_domain_already_exists',
    'organization domain already exists',
    'This domain is already used by another organization.',
    'name',
  );

/** Checks a domain name and the enrollment mode against the instance settings. */
async function assertDomainAllowed(store: Store, name: string, mode: DomainEnrollmentMode): Promise<void> {
  if (!HOSTNAME.test(name)) {
    throw formError(
      'form_param_format_invalid',
      'name',
      'is invalid',
      'name must be a domain name such as example.com.',
    );
  }
  if (COMMON_EMAIL_DOMAINS.has(name)) {
    throw LatchAPIError.single(
      422,
      'organization_domain_common',
      'common email domain',
      'This is a common email provider domain. Please use a different one.',
      'name',
    );
  }
  const settings = await store.organizations.getSettings();
  if (!settings.domainsEnabled || !settings.domainsEnrollmentModes.includes(mode)) {
    throw LatchAPIError.single(
      403,
      'organization_domain_enrollment_mode_not_enabled',
      'organization enrollment mode not enabled',
      `Enrollment mode ${mode} is not enabled for this instance's organizations.`,
      'enrollment_mode',
    );
  }
}

/**
 * Adds a domain to an organization. The Backend API may declare it verified at once; from the
 * browser it starts unverified and is verified by a code sent to an address at the domain.
 */
export async function createDomain(
  store: Store,
  organization: OrganizationRecord,
  input: { name: string; enrollmentMode: DomainEnrollmentMode; verified: boolean },
  change: ChangeContext,
): Promise<OrganizationDomainRecord> {
  const name = input.name.trim().toLowerCase();
  await assertDomainAllowed(store, name, input.enrollmentMode);
  const domain: OrganizationDomainRecord = {
    id: createId('orgdmn', change.now),
    organizationId: organization.id,
    name,
    enrollmentMode: input.enrollmentMode,
    affiliationEmailAddress: null,
    verification: input.verified ? adminVerified(change.now) : null,
    createdAt: change.now,
    updatedAt: change.now,
  };
  try {
    await store.transaction(async (tx) => {
      await tx.organizations.domains.insert(domain);
      await emitOrganizationEvent(tx, 'organizationDomain.created', (json) => json.domain(domain), change);
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw domainAlreadyExists();
    throw error;
  }
  return domain;
}

function adminVerified(now: number): OrganizationDomainRecord['verification'] {
  return { status: 'verified', strategy: 'admin', attempts: 0, expireAt: null, verifiedAt: now, codeHash: null };
}

export function isDomainVerified(domain: OrganizationDomainRecord): boolean {
  return domain.verification?.status === 'verified';
}

async function saveDomain(
  store: Store,
  domain: OrganizationDomainRecord,
  change: ChangeContext,
): Promise<OrganizationDomainRecord> {
  await store.transaction(async (tx) => {
    await tx.organizations.domains.update(domain);
    await emitOrganizationEvent(tx, 'organizationDomain.updated', (json) => json.domain(domain), change);
  });
  return domain;
}

/** Changes the enrollment mode and, from the Backend API, the verified flag. */
export async function updateDomain(
  store: Store,
  domain: OrganizationDomainRecord,
  input: { enrollmentMode?: DomainEnrollmentMode | undefined; verified?: boolean | undefined },
  change: ChangeContext,
): Promise<OrganizationDomainRecord> {
  const enrollmentMode = input.enrollmentMode ?? domain.enrollmentMode;
  if (input.enrollmentMode) await assertDomainAllowed(store, domain.name, enrollmentMode);
  const verification =
    input.verified === true && !isDomainVerified(domain)
      ? adminVerified(change.now)
      : input.verified === false
        ? null
        : domain.verification;
  return saveDomain(store, { ...domain, enrollmentMode, verification, updatedAt: change.now }, change);
}

export async function deleteDomain(
  store: Store,
  domain: OrganizationDomainRecord,
  change: ChangeContext,
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.organizations.domains.delete(domain.id);
    await emitOrganizationEvent(
      tx,
      'organizationDomain.deleted',
      () => deletedObject('organization_domain', domain.id),
      change,
    );
  });
}

/**
 * Starts verification by email: a code goes to `affiliationEmailAddress`, which must be at the
 * domain (only someone who receives mail there can prove the organization controls it).
 *
 * @returns the domain and the code to send
 */
export async function prepareDomainVerification(
  store: Store,
  domain: OrganizationDomainRecord,
  affiliationEmailAddress: string,
  change: ChangeContext,
): Promise<{ domain: OrganizationDomainRecord; code: string }> {
  const email = affiliationEmailAddress.trim().toLowerCase();
  if (!email.endsWith(`@${domain.name}`) || email.indexOf('@') !== email.lastIndexOf('@') || email.startsWith('@')) {
    throw formError(
      'form_param_format_invalid',
      'affiliation_email_address',
      'is invalid',
      `The email address must be at ${domain.name}.`,
    );
  }
  const { code, verification } = issueCode(domain.id, 'email_code', change.now);
  const updated: OrganizationDomainRecord = {
    ...domain,
    affiliationEmailAddress: email,
    verification: {
      status: 'unverified',
      strategy: 'email_code',
      attempts: 0,
      expireAt: verification.expireAt,
      verifiedAt: null,
      codeHash: verification.codeHash,
    },
    updatedAt: change.now,
  };
  return { domain: await saveDomain(store, updated, change), code };
}

/** Checks the code sent by `prepareDomainVerification`; every attempt counts. */
export async function attemptDomainVerification(
  store: Store,
  domain: OrganizationDomainRecord,
  code: string,
  change: ChangeContext,
): Promise<OrganizationDomainRecord> {
  // One check at a time per domain: parallel guesses each count, a right code verifies once.
  const { checked, updated } = await checkCodeSerialized(store, domain.id, async (tx) => {
    const stored = (await tx.organizations.domains.findById(domain.id)) ?? domain;
    const current = stored.verification;
    if (current?.status === 'verified') throw verificationAlreadyVerified();
    if (current?.strategy !== 'email_code') throw verificationNotSent();
    const checked = checkCode(
      domain.id,
      {
        status: current.status,
        strategy: 'email_code',
        codeHash: current.codeHash,
        attempts: current.attempts,
        expireAt: current.expireAt,
      },
      code,
      change.now,
    );
    const v = checked.verification;
    const updated: OrganizationDomainRecord = {
      ...stored,
      verification: {
        status: v.status,
        strategy: 'email_code',
        attempts: v.attempts,
        expireAt: v.expireAt,
        verifiedAt: checked.outcome === 'verified' ? change.now : null,
        codeHash: v.codeHash,
      },
      updatedAt: change.now,
    };
    await saveDomain(tx, updated, change);
    return { checked, updated };
  });
  if (checked.outcome === 'verified') return updated;
  throw codeCheckError(checked.outcome);
}
