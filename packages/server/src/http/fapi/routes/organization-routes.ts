import { OrganizationName, OrganizationSlug } from '@latch/protocol';
import { z } from 'zod';
import { createOrganization } from '../../../domain/organizations/create-organization.js';
import { organizationErrors } from '../../../domain/organizations/organization-errors.js';
import { OrganizationJSONBuilder } from '../../../domain/organizations/organization-json.js';
import { deleteOrganization, updateOrganization } from '../../../domain/organizations/update-organization.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { requireActingSession } from '../me/acting-session.js';
import { actInOrganization, frontendChange, listPayload, listQuery } from './organization-routes-support.js';

// clerk-js sends `slug=` (a form's null) when the user left it empty: derive one from the name.
const CreateBody = z.strictObject({
  name: OrganizationName,
  slug: z.union([OrganizationSlug, z.literal('')]).optional(),
});

/**
 * `POST /v1/organizations`: a signed-in user creates an organization and becomes its member with the
 * creator role — when the instance and the user allow it.
 */
const create = fapiRoute('POST', '/organizations', async (context) => {
  const body = parseFields(CreateBody, context.body);
  const { user } = await requireActingSession(context);
  const { store } = context.app;
  const settings = await store.organizations.getSettings();
  if (!settings.enabled) throw organizationErrors.disabled();
  if (!settings.createFromFrontend || !user.createOrganizationEnabled) {
    throw organizationErrors.notAllowed('You are not allowed to create organizations.');
  }
  if (user.createOrganizationsLimit !== null) {
    const memberships = await store.organizations.memberships.list({ userId: user.id }, { limit: 10_000, offset: 0 });
    const created = await Promise.all(
      memberships.map((m) => store.organizations.organizations.findById(m.organizationId)),
    );
    if (created.filter((o) => o?.createdBy === user.id).length >= user.createOrganizationsLimit) {
      throw organizationErrors.notAllowed(`You can create at most ${user.createOrganizationsLimit} organizations.`);
    }
  }
  const organization = await createOrganization(
    store,
    { name: body.name, slug: body.slug === '' ? undefined : body.slug, createdBy: user.id },
    frontendChange(context, user.id),
  );
  return { response: await new OrganizationJSONBuilder(store, 'frontend').organization(organization) };
});

const get = fapiRoute('GET', '/organizations/:organization_id', async (context, { organization_id }) => {
  const { access, json } = await actInOrganization(context, organization_id as string);
  return { response: await json.organization(access.organization) };
});

const UpdateBody = z.strictObject({ name: OrganizationName.optional(), slug: OrganizationSlug.optional() });

const update = fapiRoute('PATCH', '/organizations/:organization_id', async (context, { organization_id }) => {
  const body = parseFields(UpdateBody, context.body);
  const { access, json, user } = await actInOrganization(context, organization_id as string, 'org:sys_profile:manage');
  const updated = await updateOrganization(
    context.app.store,
    access.organization,
    { name: body.name, slug: body.slug },
    frontendChange(context, user.id),
  );
  return { response: await json.organization(updated) };
});

/** `DELETE /v1/organizations/{id}`: needs `org:sys_profile:delete` and the organization's `admin_delete_enabled`. */
const remove = fapiRoute('DELETE', '/organizations/:organization_id', async (context, { organization_id }) => {
  const { access, user } = await actInOrganization(context, organization_id as string, 'org:sys_profile:delete');
  if (!access.organization.adminDeleteEnabled) {
    throw organizationErrors.notAllowed('Deleting this organization is disabled.');
  }
  await deleteOrganization(context.app.store, access.organization, frontendChange(context, user.id));
  return { response: { object: 'organization', id: access.organization.id, deleted: true } };
});

/** `GET /v1/organizations/{id}/roles`: the roles a member can be given (every role of the instance). */
const roles = fapiRoute('GET', '/organizations/:organization_id/roles', async (context, { organization_id }) => {
  const query = listQuery(context);
  const { json } = await actInOrganization(context, organization_id as string);
  const store = context.app.store;
  const page = {
    limit: query.limit,
    offset: query.offset,
    orderBy: { field: 'created_at' as const, direction: 'asc' as const },
  };
  const [list, total] = await Promise.all([
    store.organizations.roles.list({}, page),
    store.organizations.roles.count({}),
  ]);
  return { response: listPayload(await Promise.all(list.map((role) => json.roleJSON(role))), total, query) };
});

export const ORGANIZATION_ROUTES = [create, get, update, remove, roles];
