import { type Kysely, sql } from 'kysely';
import { createId } from '../../domain/ids.js';

/**
 * Organizations (issue #6). Like sessions, each record lives whole as JSON in `data`; the columns
 * beside it are copies kept for unique constraints, foreign keys and filters. Deleting an
 * organization or a user takes their memberships, invitations, domains, suggestions and requests
 * along (foreign keys cascade).
 *
 * The system permissions and the two system roles (`org:admin`, `org:member`) and the settings row
 * are seeded here, once, so every process of a PostgreSQL deployment sees the same ids.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organization_permission')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organization_role')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organization_membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('organization_role.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addUniqueConstraint('organization_membership_org_user', ['organization_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('organization_membership_user_idx')
    .on('organization_membership')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('organization_invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('email_address', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.notNull().references('organization_role.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organization_invitation_org_idx')
    .on('organization_invitation')
    .columns(['organization_id', 'status'])
    .execute();
  await db.schema
    .createIndex('organization_invitation_email_idx')
    .on('organization_invitation')
    .columns(['email_address', 'status'])
    .execute();

  await db.schema
    .createTable('organization_domain')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  for (const table of ['organization_suggestion', 'organization_membership_request']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_user_idx`).on(table).columns(['user_id', 'status']).execute();
    await db.schema.createIndex(`${table}_org_idx`).on(table).columns(['organization_id', 'status']).execute();
  }

  await db.schema
    .createTable('organization_settings')
    .addColumn('singleton', 'integer', (c) => c.primaryKey())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await seed(db);
}

const SYSTEM_PERMISSIONS: [key: string, name: string, description: string][] = [
  ['org:sys_profile:manage', 'Manage organization', 'Permission to manage an organization.'],
  ['org:sys_profile:delete', 'Delete organization', 'Permission to delete an organization.'],
  ['org:sys_memberships:read', 'Read members', 'Permission to read the members of an organization.'],
  ['org:sys_memberships:manage', 'Manage members', 'Permission to manage the members of an organization.'],
  ['org:sys_domains:read', 'Read domains', 'Permission to read the domains of an organization.'],
  ['org:sys_domains:manage', 'Manage domains', 'Permission to manage the domains of an organization.'],
];

const MEMBER_PERMISSIONS = new Set(['org:sys_memberships:read', 'org:sys_domains:read']);

async function seed(db: Kysely<unknown>): Promise<void> {
  const now = Date.now();
  const permissions = SYSTEM_PERMISSIONS.map(([key, name, description]) => ({
    id: createId('perm', now),
    key,
    name,
    description,
    type: 'system',
    createdAt: now,
    updatedAt: now,
  }));
  for (const permission of permissions) {
    await sql`insert into organization_permission (id, key, name, created_at, data)
      values (${permission.id}, ${permission.key}, ${permission.name}, ${now}, ${JSON.stringify(permission)})`.execute(
      db,
    );
  }
  const roles = [
    {
      id: createId('role', now),
      key: 'org:admin',
      name: 'Admin',
      description: 'Role with elevated permissions: manages the organization, its members and domains.',
      permissionIds: permissions.map((permission) => permission.id),
      system: true,
      createdAt: now,
      updatedAt: now,
    },
    {
      id: createId('role', now + 1),
      key: 'org:member',
      name: 'Member',
      description: 'Role with non-privileged permissions: reads members and domains.',
      permissionIds: permissions.filter((p) => MEMBER_PERMISSIONS.has(p.key)).map((permission) => permission.id),
      system: true,
      createdAt: now + 1,
      updatedAt: now + 1,
    },
  ];
  for (const role of roles) {
    await sql`insert into organization_role (id, key, name, created_at, data)
      values (${role.id}, ${role.key}, ${role.name}, ${role.createdAt}, ${JSON.stringify(role)})`.execute(db);
  }
  const [admin, member] = roles as [(typeof roles)[0], (typeof roles)[0]];
  const settings = {
    enabled: true,
    maxAllowedMemberships: 0,
    adminDeleteEnabled: true,
    domainsEnabled: true,
    domainsEnrollmentModes: ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'],
    creatorRoleId: admin.id,
    domainsDefaultRoleId: member.id,
    createFromFrontend: true,
  };
  await sql`insert into organization_settings (singleton, updated_at, data)
    values (1, ${now}, ${JSON.stringify(settings)})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'organization_settings',
    'organization_membership_request',
    'organization_suggestion',
    'organization_domain',
    'organization_invitation',
    'organization_membership',
    'organization_role',
    'organization_permission',
    'organization',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
