import { toDate } from './convert.js';
import { EmailAddress } from './email-address.js';
import type { EmailAddressJSON, SessionActivityJSON, UserJSON } from './json.js';
import {
  type ItemResource,
  listResource,
  type OrganizationMembershipResource,
  type OrganizationSuggestionResource,
  toMembershipResource,
  toSuggestionResource,
  toUserInvitationResource,
  type UserOrganizationInvitationResource,
} from './organization.js';
import { fetchPaginatedList, type ListItem, type ListParams, type PaginatedList } from './paginated-list.js';
import type { ResourceCore } from './resource-core.js';
import { SessionWithActivities } from './session-with-activities.js';

export interface UpdateUserParams {
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  primaryEmailAddressId?: string;
  unsafeMetadata?: Record<string, unknown>;
}

export interface UpdatePasswordParams {
  currentPassword?: string;
  newPassword: string;
  signOutOfOtherSessions?: boolean;
}

/** The signed-in user, as the session that carries it sees them (`/v1/me`). */
export class User {
  readonly id: string;
  readonly externalId: string | null;
  readonly primaryEmailAddressId: string | null;
  readonly primaryPhoneNumberId: string | null;
  readonly username: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly imageUrl: string;
  readonly hasImage: boolean;
  readonly emailAddresses: EmailAddress[];
  readonly passwordEnabled: boolean;
  readonly totpEnabled: boolean;
  readonly backupCodeEnabled: boolean;
  readonly twoFactorEnabled: boolean;
  readonly publicMetadata: Record<string, unknown>;
  readonly unsafeMetadata: Record<string, unknown>;
  readonly organizationMemberships: unknown[];
  readonly deleteSelfEnabled: boolean;
  readonly createOrganizationEnabled: boolean;
  readonly lastSignInAt: Date | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;

  constructor(
    private readonly core: ResourceCore,
    json: UserJSON,
    /** Session the user was read through; every `/me` call acts as it. */
    private readonly sessionId: string | null,
  ) {
    this.id = json.id;
    this.externalId = json.external_id ?? null;
    this.primaryEmailAddressId = json.primary_email_address_id ?? null;
    this.primaryPhoneNumberId = json.primary_phone_number_id ?? null;
    this.username = json.username ?? null;
    this.firstName = json.first_name ?? null;
    this.lastName = json.last_name ?? null;
    this.imageUrl = json.image_url ?? '';
    this.hasImage = json.has_image ?? false;
    this.emailAddresses = (json.email_addresses ?? []).map((email) => new EmailAddress(core, email, sessionId));
    this.passwordEnabled = json.password_enabled ?? false;
    this.totpEnabled = json.totp_enabled ?? false;
    this.backupCodeEnabled = json.backup_code_enabled ?? false;
    this.twoFactorEnabled = json.two_factor_enabled ?? false;
    this.publicMetadata = json.public_metadata ?? {};
    this.unsafeMetadata = json.unsafe_metadata ?? {};
    this.organizationMemberships = json.organization_memberships ?? [];
    this.deleteSelfEnabled = json.delete_self_enabled ?? true;
    this.createOrganizationEnabled = json.create_organization_enabled ?? false;
    this.lastSignInAt = toDate(json.last_sign_in_at);
    this.createdAt = toDate(json.created_at);
    this.updatedAt = toDate(json.updated_at);
  }

  get fullName(): string | null {
    const name = [this.firstName, this.lastName].filter(Boolean).join(' ');
    return name === '' ? null : name;
  }

  get primaryEmailAddress(): EmailAddress | null {
    return this.emailAddresses.find((email) => email.id === this.primaryEmailAddressId) ?? null;
  }

  /** Changes profile fields (`PATCH /v1/me`); resolves to the updated user. */
  async update(params: UpdateUserParams): Promise<User> {
    return this.callForUser('PATCH', '/me', { ...params });
  }

  /** Sets a new password (`currentPassword` is required when the user already has one). */
  async updatePassword(params: UpdatePasswordParams): Promise<User> {
    return this.callForUser('POST', '/me/change_password', { ...params });
  }

  async removePassword(params: { currentPassword: string }): Promise<User> {
    return this.callForUser('POST', '/me/remove_password', { ...params });
  }

  /** Adds an unverified address; call `prepareVerification()` on the result to send it a code. */
  async createEmailAddress(params: { email: string }): Promise<EmailAddress> {
    const { response } = await this.core.request({
      method: 'POST',
      // clerk-js sends the trailing slash; the server accepts both.
      path: '/me/email_addresses/',
      body: { emailAddress: params.email },
      sessionId: this.actingSession(),
    });
    return new EmailAddress(this.core, response as EmailAddressJSON, this.sessionId);
  }

  /** The user's active sessions on every device, with their latest activity. */
  async getSessions(): Promise<SessionWithActivities[]> {
    const { response } = await this.core.request({
      method: 'GET',
      path: '/me/sessions/active',
      sessionId: this.actingSession(),
    });
    const list = Array.isArray(response) ? response : [];
    return (list as SessionActivityJSON[]).map((json) => new SessionWithActivities(this.core, json));
  }

  /** The user's organization memberships, each with its organization (clerk-js's `getOrganizationMemberships`). */
  getOrganizationMemberships(params?: ListParams): Promise<PaginatedList<OrganizationMembershipResource>> {
    return this.list('/me/organization_memberships', params, toMembershipResource);
  }

  /** Invitations to the user's verified addresses; filter with `{ status: 'pending' }`; `accept()` joins. */
  getOrganizationInvitations(params?: ListParams): Promise<PaginatedList<UserOrganizationInvitationResource>> {
    return this.list('/me/organization_invitations', params, toUserInvitationResource);
  }

  /** Organizations the user may join through a verified domain; filter with `{ status: 'pending' }`. */
  getOrganizationSuggestions(params?: ListParams): Promise<PaginatedList<OrganizationSuggestionResource>> {
    return this.list('/me/organization_suggestions', params, toSuggestionResource);
  }

  /**
   * Leaves an organization (clerk-js's `user.leaveOrganization`, what "Leave organization" calls):
   * any member may; the last member who can manage members may not. Resolves to the deleted object.
   */
  async leaveOrganization(organizationId: string): Promise<{ object: string; id: string; deleted: boolean }> {
    const { response } = await this.core.request({
      method: 'DELETE',
      path: `/me/organization_memberships/${encodeURIComponent(organizationId)}`,
      sessionId: this.actingSession(),
    });
    return response as { object: string; id: string; deleted: boolean };
  }

  /** Deletes the account (when the instance allows it); the client is signed out. */
  async delete(): Promise<void> {
    await this.core.request({ method: 'DELETE', path: '/me', sessionId: this.actingSession() });
  }

  async reload(): Promise<User> {
    return this.callForUser('GET', '/me');
  }

  private async callForUser(method: 'GET' | 'POST' | 'PATCH', path: string, body?: Record<string, unknown>) {
    const { response } = await this.core.request({
      method,
      path,
      ...(body ? { body } : {}),
      sessionId: this.actingSession(),
    });
    return new User(this.core, response as UserJSON, this.sessionId);
  }

  /** One page of a `/me` list; the items' methods act as the same session. */
  private list<T extends ListItem>(path: string, params: ListParams | undefined, toResource: ItemResource<T>) {
    return fetchPaginatedList(this.core, path, params, this.actingSession(), listResource(this.core, toResource));
  }

  private actingSession(): string | null {
    return this.sessionId ?? this.core.activeSessionId();
  }
}
