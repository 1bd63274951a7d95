import { LatchAPIResponseError } from '@latch/js';
import type { LatchInstance } from '../../latch-types.js';

/**
 * The organization calls the components need that `@latch/js` does not wrap yet (clerk-js keeps them on
 * its Organization/User resources): Frontend API requests with the same wire conventions as the SDK's
 * transport — form bodies, other verbs as `?_method=`, `_clerk_session_id`, the `__client` cookie via
 * `credentials: 'include'` — and errors rebuilt as `LatchAPIResponseError`, so forms place them on fields.
 * Internal: when `@latch/js` grows `organization.getMemberships()` & co., the components switch to those.
 */
export async function orgRequest<T>(
  latch: LatchInstance,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  params: Record<string, string | number | undefined> = {},
): Promise<T> {
  const url = new URL(`${latch.frontendApi}/v1${path}`);
  url.searchParams.set('_clerk_js_version', latch.version);
  if (method !== 'GET' && method !== 'POST') url.searchParams.set('_method', method);
  if (latch.session?.id) url.searchParams.set('_clerk_session_id', latch.session.id);
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (method === 'GET') url.searchParams.set(key, String(value));
    else form.set(key, String(value));
  }
  const init: RequestInit = { method: method === 'GET' ? 'GET' : 'POST', credentials: 'include' };
  if (init.method === 'POST') {
    init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
    init.body = form.toString();
  }
  const response = await fetch(url.toString(), init);
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  if (!response.ok) throw LatchAPIResponseError.fromJSON(response.status, body);
  const envelope = body && typeof body === 'object' && 'response' in body ? body.response : body;
  return envelope as T;
}

/** `{ data, total_count }` of a paginated list. */
export interface Page<T> {
  data: T[];
  total_count: number;
}

/** What the Frontend API says about a user inside an organization. */
export interface PublicUserData {
  user_id: string;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  identifier: string | null;
}

export interface PublicOrganizationData {
  id: string;
  name: string;
  slug: string | null;
  image_url: string;
  has_image: boolean;
}

export interface OrganizationJSON extends PublicOrganizationData {
  members_count?: number;
  admin_delete_enabled?: boolean;
}

export interface MembershipJSON {
  id: string;
  role: string;
  role_name?: string;
  permissions: string[];
  organization: OrganizationJSON;
  public_user_data: PublicUserData;
  created_at: number;
}

export interface InvitationJSON {
  id: string;
  email_address: string;
  role: string;
  role_name?: string;
  status: string;
  organization_id: string;
  public_organization_data?: PublicOrganizationData;
}

export interface SuggestionJSON {
  id: string;
  status: 'pending' | 'accepted';
  public_organization_data: PublicOrganizationData | null;
}

export interface DomainJSON {
  id: string;
  name: string;
  enrollment_mode: 'manual_invitation' | 'automatic_invitation' | 'automatic_suggestion';
  verification: { status: string } | null;
}

export interface RoleJSON {
  key: string;
  name: string;
}

/** Lists ask for pages, as clerk-js does. */
export function listParams(limit: number, offset: number): Record<string, string | number> {
  return { paginated: 'true', limit, offset };
}

/** Asks the SDK for a fresh client, so `latch.user`/`latch.organization` and listeners see a change. */
export async function refreshResources(latch: LatchInstance): Promise<void> {
  await latch.user?.reload().catch(() => undefined);
}
