/**
 * The app's database as the sample route uses it (`db.users.create`, `db.users.update`), kept in
 * memory so the test can look at what the webhook handlers wrote.
 */
export interface AppUser {
  clerkId: string;
  email: string | null | undefined;
  firstName: string | null;
  lastName: string | null;
  imageUrl?: string | null;
  deletedAt?: Date;
}

export interface AppOrganization {
  clerkId: string;
  name: string;
  slug: string | null;
}

export interface AppMembership {
  clerkId: string;
  organizationId: string;
  userId: string;
  role: string;
}

export const db = {
  usersTable: new Map<string, AppUser>(),
  organizationsTable: new Map<string, AppOrganization>(),
  membershipsTable: new Map<string, AppMembership>(),
  welcomeEmails: [] as (string | undefined)[],
  users: {
    async create({ data }: { data: AppUser }) {
      db.usersTable.set(data.clerkId, { ...data });
      return data;
    },
    async update({ where, data }: { where: { clerkId: string }; data: Partial<AppUser> }) {
      const user = db.usersTable.get(where.clerkId);
      if (!user) throw new Error(`no user ${where.clerkId}`);
      Object.assign(user, data);
      return user;
    },
  },
  organizations: {
    async create({ data }: { data: AppOrganization }) {
      db.organizationsTable.set(data.clerkId, { ...data });
      return data;
    },
  },
  memberships: {
    async create({ data }: { data: AppMembership }) {
      db.membershipsTable.set(data.clerkId, { ...data });
      return data;
    },
  },
  reset() {
    db.usersTable.clear();
    db.organizationsTable.clear();
    db.membershipsTable.clear();
    db.welcomeEmails.length = 0;
  },
};

export async function sendWelcomeEmail(to: string | undefined) {
  db.welcomeEmails.push(to);
}
