import { jwtTemplatesEndpoints } from '@latch/protocol';
import { identifierExists, LatchAPIError, resourceNotFound } from '../../errors.js';
import type { JWTTemplateRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { UniqueViolation } from '../../store/unique-violation.js';
import { createId } from '../ids.js';
import { assertTemplateClaims } from './template-claims.js';
import { resolveTemplateSigning } from './template-signing.js';

type CreateJWTTemplateBody = jwtTemplatesEndpoints.CreateJWTTemplateBody;
type UpdateJWTTemplateBody = jwtTemplatesEndpoints.UpdateJWTTemplateBody;
const { JWT_TEMPLATE_LIMITS } = jwtTemplatesEndpoints;

/**
 * Creates a JWT template. Everything is validated before anything is written; the name is unique
 * (checked first for a clear error, and by the database for racing requests).
 *
 * @example
 * await createJWTTemplate(store, { name: 'supabase', claims: { role: 'authenticated' } }, Date.now())
 */
export async function createJWTTemplate(
  store: Store,
  input: CreateJWTTemplateBody,
  now: number,
): Promise<JWTTemplateRecord> {
  assertTemplateClaims(input.claims);
  const template: JWTTemplateRecord = {
    id: createId('jtmp', now),
    name: input.name,
    claims: input.claims,
    lifetimeSeconds: input.lifetime ?? JWT_TEMPLATE_LIMITS.defaultLifetimeSeconds,
    allowedClockSkewSeconds: input.allowed_clock_skew ?? JWT_TEMPLATE_LIMITS.defaultClockSkewSeconds,
    ...resolveTemplateSigning(null, input),
    createdAt: now,
    updatedAt: now,
  };
  await writeTemplate(store, template, async (tx) => tx.jwtTemplates.insert(template));
  return template;
}

/**
 * Updates a template; omitted fields keep their value, `null` lifetime or skew restores the default.
 *
 * @example
 * await updateJWTTemplate(store, 'jtmp_…', { lifetime: 300 }, Date.now())
 */
export async function updateJWTTemplate(
  store: Store,
  templateId: string,
  input: UpdateJWTTemplateBody,
  now: number,
): Promise<JWTTemplateRecord> {
  const current = await requireJWTTemplate(store, templateId);
  if (input.claims !== undefined) assertTemplateClaims(input.claims);
  const updated: JWTTemplateRecord = {
    ...current,
    name: input.name ?? current.name,
    claims: input.claims ?? current.claims,
    lifetimeSeconds:
      input.lifetime === undefined
        ? current.lifetimeSeconds
        : (input.lifetime ?? JWT_TEMPLATE_LIMITS.defaultLifetimeSeconds),
    allowedClockSkewSeconds:
      input.allowed_clock_skew === undefined
        ? current.allowedClockSkewSeconds
        : (input.allowed_clock_skew ?? JWT_TEMPLATE_LIMITS.defaultClockSkewSeconds),
    ...resolveTemplateSigning(current, input),
    updatedAt: now,
  };
  await writeTemplate(store, updated, async (tx) => tx.jwtTemplates.update(updated));
  return updated;
}

/**
 * Deletes a template or throws the Backend API's 404. Tokens minted from it stay valid until they expire.
 *
 * @example
 * await deleteJWTTemplate(store, 'jtmp_…')
 */
export async function deleteJWTTemplate(store: Store, templateId: string): Promise<void> {
  if (!(await store.jwtTemplates.delete(templateId))) throw resourceNotFound('JWT template');
}

/**
 * Loads a template or throws the Backend API's 404.
 *
 * @example
 * const template = await requireJWTTemplate(store, 'jtmp_…')
 */
export async function requireJWTTemplate(store: Store, templateId: string): Promise<JWTTemplateRecord> {
  const template = await store.jwtTemplates.findById(templateId);
  if (!template) throw resourceNotFound('JWT template');
  return template;
}

async function writeTemplate(store: Store, template: JWTTemplateRecord, write: (tx: Store) => Promise<void>) {
  const taken = () => identifierExists('name', `A JWT template named "${template.name}" already exists.`);
  try {
    await store.transaction(async (tx) => {
      const sameName = await tx.jwtTemplates.findByName(template.name);
      if (sameName && sameName.id !== template.id) throw taken();
      await write(tx);
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw taken();
    throw error;
  }
}

/**
 * The template a token request names, or a 404 naming `template_name` (Frontend and Backend API alike).
 *
 * @example
 * const template = await requireJWTTemplateByName(store, 'supabase')
 */
export async function requireJWTTemplateByName(store: Store, name: string): Promise<JWTTemplateRecord> {
  const template = await store.jwtTemplates.findByName(name);
  if (!template) {
    throw LatchAPIError.single(
      404,
      'resource_not_found',
      'not found',
      `No JWT template exists with name: ${name}`,
      'template_name',
    );
  }
  return template;
}
