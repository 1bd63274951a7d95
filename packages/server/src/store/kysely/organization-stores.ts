import { type Kysely, sql } from 'kysely';
import type {
  DomainFilter,
  InvitationFilter,
  MembershipFilter,
  MembershipRequestFilter,
  OrganizationDomainRecord,
  OrganizationFilter,
  OrganizationInvitationRecord,
  OrganizationMembershipRecord,
  OrganizationMembershipRequestRecord,
  OrganizationPermissionRecord,
  OrganizationRecord,
  OrganizationRoleRecord,
  OrganizationSettingsRecord,
  OrganizationStores,
  OrganizationSuggestionRecord,
  PermissionFilter,
  RoleFilter,
  SuggestionFilter,
} from '../organization-store.js';
import { ORGANIZATION_SETTINGS_CHANGE, type StoreChanges } from '../store-changes.js';
import { type Condition, KyselyOrganizationCollection } from './organization-collection.js';

/** Drops the conditions whose filter value is absent. */
function present(...conditions: (Condition | false | undefined | '')[]): Condition[] {
  return conditions.filter((condition): condition is Condition => Boolean(condition));
}

/** Every organization collection over one connection (or one transaction). */
export class KyselyOrganizationStores implements OrganizationStores {
  readonly organizations;
  readonly memberships;
  readonly roles;
  readonly permissions;
  readonly invitations;
  readonly domains;
  readonly suggestions;
  readonly membershipRequests;

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly changes: StoreChanges,
  ) {
    // Roles and the settings are what `/v1/environment` shows of organizations (its cached body).
    const settingsChanged = () => changes.changed(ORGANIZATION_SETTINGS_CHANGE);
    this.organizations = new KyselyOrganizationCollection<OrganizationRecord, OrganizationFilter>(db, {
      table: 'organization',
      columns: (o) => ({ slug: o.slug, name: o.name, updated_at: o.updatedAt }),
      conditions: (f) =>
        present(
          f.ids && { column: 'id', oneOf: f.ids },
          f.slug !== undefined && { column: 'slug', equals: f.slug },
          f.query && { search: f.query, columns: ['name', 'slug'], orIdEquals: true },
        ),
    });
    this.memberships = new KyselyOrganizationCollection<OrganizationMembershipRecord, MembershipFilter>(db, {
      table: 'organization_membership',
      columns: (m) => ({ organization_id: m.organizationId, user_id: m.userId, role_id: m.roleId }),
      conditions: (f) =>
        present(
          f.organizationId !== undefined && { column: 'organization_id', equals: f.organizationId },
          f.userId !== undefined && { column: 'user_id', equals: f.userId },
          f.roleIds && { column: 'role_id', oneOf: f.roleIds },
        ),
    });
    this.roles = new KyselyOrganizationCollection<OrganizationRoleRecord, RoleFilter>(db, {
      table: 'organization_role',
      columns: (r) => ({ key: r.key, name: r.name }),
      afterWrite: settingsChanged,
      conditions: (f) =>
        present(
          f.key !== undefined && { column: 'key', equals: f.key },
          f.query && { search: f.query, columns: ['key', 'name'] },
        ),
    });
    this.permissions = new KyselyOrganizationCollection<OrganizationPermissionRecord, PermissionFilter>(db, {
      table: 'organization_permission',
      columns: (p) => ({ key: p.key, name: p.name }),
      conditions: (f) =>
        present(
          f.key !== undefined && { column: 'key', equals: f.key },
          f.query && { search: f.query, columns: ['key', 'name'] },
        ),
    });
    this.invitations = new KyselyOrganizationCollection<OrganizationInvitationRecord, InvitationFilter>(db, {
      table: 'organization_invitation',
      columns: (i) => ({
        organization_id: i.organizationId,
        email_address: i.emailAddress,
        status: i.status,
        role_id: i.roleId,
      }),
      conditions: (f) =>
        present(
          f.organizationId !== undefined && { column: 'organization_id', equals: f.organizationId },
          f.emailAddresses && { column: 'email_address', oneOf: f.emailAddresses },
          f.statuses && { column: 'status', oneOf: f.statuses },
          f.roleId !== undefined && { column: 'role_id', equals: f.roleId },
        ),
    });
    this.domains = new KyselyOrganizationCollection<OrganizationDomainRecord, DomainFilter>(db, {
      table: 'organization_domain',
      columns: (d) => ({ organization_id: d.organizationId, name: d.name }),
      conditions: (f) =>
        present(
          f.organizationId !== undefined && { column: 'organization_id', equals: f.organizationId },
          f.name !== undefined && { column: 'name', equals: f.name },
          f.names && { column: 'name', oneOf: f.names },
        ),
    });
    const byOrgUserStatus = (f: SuggestionFilter | MembershipRequestFilter) =>
      present(
        f.organizationId !== undefined && { column: 'organization_id', equals: f.organizationId },
        f.userId !== undefined && { column: 'user_id', equals: f.userId },
        f.statuses && { column: 'status', oneOf: f.statuses },
      );
    const orgUserStatus = (r: OrganizationSuggestionRecord | OrganizationMembershipRequestRecord) => ({
      organization_id: r.organizationId,
      user_id: r.userId,
      status: r.status,
    });
    this.suggestions = new KyselyOrganizationCollection<OrganizationSuggestionRecord, SuggestionFilter>(db, {
      table: 'organization_suggestion',
      columns: orgUserStatus,
      conditions: byOrgUserStatus,
    });
    this.membershipRequests = new KyselyOrganizationCollection<
      OrganizationMembershipRequestRecord,
      MembershipRequestFilter
    >(db, { table: 'organization_membership_request', columns: orgUserStatus, conditions: byOrgUserStatus });
  }

  async getSettings(): Promise<OrganizationSettingsRecord> {
    const { rows } = await sql<{ data: string }>`select data from organization_settings where singleton = 1`.execute(
      this.db,
    );
    const row = rows[0];
    if (!row) throw new Error('organization_settings row missing: migration 0005 seeds it');
    return JSON.parse(row.data) as OrganizationSettingsRecord;
  }

  async saveSettings(settings: OrganizationSettingsRecord, updatedAt: number): Promise<void> {
    await sql`update organization_settings set data = ${JSON.stringify(settings)}, updated_at = ${updatedAt}
      where singleton = 1`.execute(this.db);
    this.changes.changed(ORGANIZATION_SETTINGS_CHANGE);
  }
}
