import type { GetTokenOptions } from '../tokens/get-token-options.js';
import { type CheckAuthorizationParams, checkMembership } from './authorization.js';
import { toDate } from './convert.js';
import type { SessionJSON } from './json.js';
import type { ResourceCore } from './resource-core.js';
import { User } from './user.js';

/** A signed-in session of this browser's client. */
export class Session {
  readonly id: string;
  readonly status: SessionJSON['status'];
  readonly expireAt: Date | null;
  readonly abandonAt: Date | null;
  readonly lastActiveAt: Date | null;
  readonly lastActiveOrganizationId: string | null;
  /** The token the server sent along with the session (saves the first `/tokens` call). */
  readonly lastActiveToken: { jwt: string } | null;
  readonly actor: Record<string, unknown> | null;
  /** Minutes since the first and second factor were verified (`-1` = never). */
  readonly factorVerificationAge: [number, number] | null;
  readonly user: User | null;
  readonly publicUserData: {
    firstName: string | null;
    lastName: string | null;
    imageUrl: string;
    hasImage: boolean;
    identifier: string;
    userId: string | null;
  } | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;

  constructor(
    private readonly core: ResourceCore,
    json: SessionJSON,
  ) {
    this.id = json.id;
    this.status = json.status;
    this.expireAt = toDate(json.expire_at);
    this.abandonAt = toDate(json.abandon_at);
    this.lastActiveAt = toDate(json.last_active_at);
    this.lastActiveOrganizationId = json.last_active_organization_id ?? null;
    this.lastActiveToken = json.last_active_token?.jwt ? { jwt: json.last_active_token.jwt } : null;
    this.actor = json.actor ?? null;
    this.factorVerificationAge = json.factor_verification_age ?? null;
    this.user = json.user ? new User(core, json.user, json.id) : null;
    const data = json.public_user_data;
    this.publicUserData = data
      ? {
          firstName: data.first_name,
          lastName: data.last_name,
          imageUrl: data.image_url,
          hasImage: data.has_image,
          identifier: data.identifier,
          userId: data.user_id ?? null,
        }
      : null;
    this.createdAt = toDate(json.created_at);
    this.updatedAt = toDate(json.updated_at);
  }

  /**
   * A session token (or, with `template`, a JWT-template token) for calling your backend: cached
   * and reused until shortly before it expires; `null` when the session is no longer active.
   *
   * @example
   * const token = await latch.session?.getToken();
   * await fetch('/api/data', { headers: { Authorization: `Bearer ${token}` } });
   */
  getToken(options: GetTokenOptions = {}): Promise<string | null> {
    return this.core.getToken(this, options);
  }

  /**
   * Whether the user holds `role` and/or `permission` in the session's active organization.
   *
   * @example
   * session.checkAuthorization({ permission: 'org:invoices:create' })
   */
  checkAuthorization(params: CheckAuthorizationParams): boolean {
    return checkMembership(this.user?.organizationMemberships ?? [], this.lastActiveOrganizationId, params);
  }

  /** Marks the session as in use (to switch organization, use `latch.setActive({ organization })`). */
  async touch(): Promise<Session> {
    return this.call('touch');
  }

  /** Ends this session (sign-out of this session only). */
  async end(): Promise<Session> {
    return this.call('end');
  }

  /** Removes this session from the client (multi-session sign-out). */
  async remove(): Promise<Session> {
    return this.call('remove');
  }

  private async call(action: 'touch' | 'end' | 'remove'): Promise<Session> {
    const { response } = await this.core.request({ method: 'POST', path: `/client/sessions/${this.id}/${action}` });
    return new Session(this.core, response as SessionJSON);
  }
}
