import { DOMAIN_ENROLLMENT_MODES } from '@latch/protocol';
import { z } from 'zod';
import { answerMembershipRequest } from '../../../domain/organizations/domain-enrollment.js';
import {
  attemptDomainVerification,
  createDomain,
  deleteDomain,
  prepareDomainVerification,
  updateDomain,
} from '../../../domain/organizations/organization-domains.js';
import { organizationErrors } from '../../../domain/organizations/organization-errors.js';
import type { FapiContext } from '../fapi-context.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { actInOrganization, frontendChange, listPayload, listQuery } from './organization-routes-support.js';

const READ = 'org:sys_domains:read';
const MANAGE = 'org:sys_domains:manage';
const BASE = '/organizations/:organization_id/domains';

/** The member acting and one domain of *their* organization; another organization's domain is a 404. */
async function actOnDomain(context: FapiContext, organizationId: string, domainId: string, permission: string) {
  const actor = await actInOrganization(context, organizationId, permission);
  const domain = await context.app.store.organizations.domains.findById(domainId);
  if (!domain || domain.organizationId !== actor.access.organization.id) {
    throw organizationErrors.notFound('organization domain');
  }
  return { ...actor, domain };
}

const list = fapiRoute('GET', BASE, async (context, { organization_id }) => {
  const query = listQuery(context);
  const { access, json } = await actInOrganization(context, organization_id as string, READ);
  const { store } = context.app;
  const filter = { organizationId: access.organization.id };
  const [domains, total] = await Promise.all([
    store.organizations.domains.list(filter, { limit: query.limit, offset: query.offset }),
    store.organizations.domains.count(filter),
  ]);
  return { response: listPayload(await Promise.all(domains.map((d) => json.domain(d))), total, query) };
});

const CreateBody = z.strictObject({
  name: z.string().min(1).max(253),
  enrollment_mode: z.enum(DOMAIN_ENROLLMENT_MODES).optional(),
});

/** From the browser a domain starts unverified: `prepare_affiliation_verification` proves it. */
const create = fapiRoute('POST', BASE, async (context, { organization_id }) => {
  const body = parseFields(CreateBody, context.body);
  const { access, json, user } = await actInOrganization(context, organization_id as string, MANAGE);
  const domain = await createDomain(
    context.app.store,
    access.organization,
    { name: body.name, enrollmentMode: body.enrollment_mode ?? 'manual_invitation', verified: false },
    frontendChange(context, user.id),
  );
  return { response: await json.domain(domain) };
});

const get = fapiRoute('GET', `${BASE}/:domain_id`, async (context, { organization_id, domain_id }) => {
  const { domain, json } = await actOnDomain(context, organization_id as string, domain_id as string, READ);
  return { response: await json.domain(domain) };
});

const remove = fapiRoute('DELETE', `${BASE}/:domain_id`, async (context, { organization_id, domain_id }) => {
  const { domain, user } = await actOnDomain(context, organization_id as string, domain_id as string, MANAGE);
  await deleteDomain(context.app.store, domain, frontendChange(context, user.id));
  return { response: { object: 'organization_domain', id: domain.id, deleted: true } };
});

const EnrollmentBody = z.strictObject({
  enrollment_mode: z.enum(DOMAIN_ENROLLMENT_MODES),
  delete_pending: z.string().max(8).optional(),
});

const updateEnrollmentMode = fapiRoute(
  'POST',
  `${BASE}/:domain_id/update_enrollment_mode`,
  async (context, { organization_id, domain_id }) => {
    const body = parseFields(EnrollmentBody, context.body);
    const { domain, json, user } = await actOnDomain(context, organization_id as string, domain_id as string, MANAGE);
    const updated = await updateDomain(
      context.app.store,
      domain,
      { enrollmentMode: body.enrollment_mode },
      frontendChange(context, user.id),
    );
    return { response: await json.domain(updated) };
  },
);

const PrepareBody = z.strictObject({ affiliation_email_address: z.email().max(320) });

const prepare = fapiRoute(
  'POST',
  `${BASE}/:domain_id/prepare_affiliation_verification`,
  async (context, { organization_id, domain_id }) => {
    const body = parseFields(PrepareBody, context.body);
    const { domain, json, user } = await actOnDomain(context, organization_id as string, domain_id as string, MANAGE);
    const prepared = await prepareDomainVerification(
      context.app.store,
      domain,
      body.affiliation_email_address,
      frontendChange(context, user.id),
    );
    await context.app.mailer.send({
      to: prepared.domain.affiliationEmailAddress as string,
      template: 'verification_code',
      locale: user.locale ?? undefined,
      variables: { code: prepared.code, expiresInMinutes: '10' },
    });
    return { response: await json.domain(prepared.domain) };
  },
);

const AttemptBody = z.strictObject({ code: z.string().min(1).max(32) });

const attempt = fapiRoute(
  'POST',
  `${BASE}/:domain_id/attempt_affiliation_verification`,
  async (context, { organization_id, domain_id }) => {
    const body = parseFields(AttemptBody, context.body);
    const { domain, json, user } = await actOnDomain(context, organization_id as string, domain_id as string, MANAGE);
    const verified = await attemptDomainVerification(
      context.app.store,
      domain,
      body.code,
      frontendChange(context, user.id),
    );
    return { response: await json.domain(verified) };
  },
);

const listRequests = fapiRoute(
  'GET',
  '/organizations/:organization_id/membership_requests',
  async (context, { organization_id }) => {
    const query = listQuery(context);
    const { access, json } = await actInOrganization(context, organization_id as string, 'org:sys_memberships:read');
    const { store } = context.app;
    const statuses = (query.status ?? ['pending']).filter((s) => ['pending', 'accepted', 'rejected'].includes(s)) as (
      | 'pending'
      | 'accepted'
      | 'rejected'
    )[];
    const filter = { organizationId: access.organization.id, statuses };
    const [requests, total] = await Promise.all([
      store.organizations.membershipRequests.list(filter, { limit: query.limit, offset: query.offset }),
      store.organizations.membershipRequests.count(filter),
    ]);
    return { response: listPayload(await Promise.all(requests.map((r) => json.membershipRequest(r))), total, query) };
  },
);

const answerRequest = (answer: 'accept' | 'reject') =>
  fapiRoute(
    'POST',
    `/organizations/:organization_id/membership_requests/:request_id/${answer}`,
    async (context, { organization_id, request_id }) => {
      const { access, json, user } = await actInOrganization(
        context,
        organization_id as string,
        'org:sys_memberships:manage',
      );
      const { store } = context.app;
      const request = await store.organizations.membershipRequests.findById(request_id as string);
      if (!request || request.organizationId !== access.organization.id) {
        throw organizationErrors.notFound('organization membership request');
      }
      const answered = await answerMembershipRequest(
        store,
        request,
        answer === 'accept' ? 'accepted' : 'rejected',
        frontendChange(context, user.id),
      );
      return { response: await json.membershipRequest(answered) };
    },
  );

export const ORGANIZATION_DOMAIN_ROUTES = [
  list,
  create,
  get,
  remove,
  updateEnrollmentMode,
  prepare,
  attempt,
  listRequests,
  answerRequest('accept'),
  answerRequest('reject'),
];
