import { z } from 'zod';
import { requireOrganizationAccess } from '../../../domain/organizations/organization-access.js';
import type { ChangeContext } from '../../../domain/organizations/organization-events.js';
import { OrganizationJSONBuilder } from '../../../domain/organizations/organization-json.js';
import { clientAddress } from '../../client-address.js';
import type { FapiContext } from '../fapi-context.js';
import { parseFields } from '../fapi-route.js';
import { type ActingSession, requireActingSession } from '../me/acting-session.js';

/** A change made by a signed-in user from the browser: the audit log names them. */
export function frontendChange(context: FapiContext, userId: string): ChangeContext {
  return {
    now: context.now,
    event: {
      actor: { type: 'user', id: userId },
      httpRequest: { clientIp: clientAddress(context.request), userAgent: context.request.headers.get('user-agent') },
    },
  };
}

const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]),
    z.array(item).max(100).optional(),
  );

/** The query clerk-js sends on organization lists (`paginated=true&limit&offset&role&query&status`). */
const ListQuery = z.object({
  paginated: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(10),
  offset: z.coerce.number().int().min(0).default(0),
  role: repeated(z.string().min(1).max(64)),
  status: repeated(z.string().min(1).max(32)),
  query: z.string().max(256).optional(),
  order_by: z.enum(['created_at', '+created_at', '-created_at', 'name', '+name', '-name']).default('-created_at'),
});
export type ListQuery = z.output<typeof ListQuery>;

/** Reads the list query; clerk-js's own parameters (`_clerk_session_id`, versions) are ignored. */
export function listQuery(context: FapiContext): ListQuery {
  const raw: Record<string, string | string[]> = {};
  for (const key of ['paginated', 'limit', 'offset', 'role', 'status', 'query', 'order_by']) {
    const values = context.url.searchParams.getAll(key);
    if (values.length > 0) raw[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return parseFields(ListQuery, raw);
}

/** `{data, total_count}` when clerk-js asks for pages (it always does today), a bare array otherwise. */
export function listPayload<T>(items: T[], total: number, query: ListQuery) {
  return query.paginated === 'false' ? items : { data: items, total_count: total };
}

export interface OrganizationActor extends ActingSession {
  access: Awaited<ReturnType<typeof requireOrganizationAccess>>;
  json: OrganizationJSONBuilder;
}

/**
 * The signed-in user acting in organization `organizationId`, holding `permission` when given.
 *
 * @example
 * const { access, user, json } = await actInOrganization(context, organization_id, 'org:sys_memberships:manage');
 */
export async function actInOrganization(
  context: FapiContext,
  organizationId: string,
  permission?: string,
): Promise<OrganizationActor> {
  const acting = await requireActingSession(context);
  const access = await requireOrganizationAccess(context.app.store, organizationId, acting.user.id, permission);
  return { ...acting, access, json: new OrganizationJSONBuilder(context.app.store, 'frontend') };
}
