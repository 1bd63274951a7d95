/**
 * The `@latch/js` types the provider and hooks hand out, under the names this package uses.
 * `@latch/js` mirrors clerk-js, so these are Clerk's `Clerk`, `Client`, `Session` and `User`.
 */
import type { Client, Latch, LatchResources, Session, SetActiveParams, SignOutOptions, User } from '@latch/js';

export type LatchInstance = Latch;
export type LatchClientResource = Client;
export type LatchSessionResource = Session;
export type LatchUserResource = User;
export type { LatchResources, SetActiveParams, SignOutOptions };
export type GetTokenOptions = NonNullable<Parameters<Session['getToken']>[0]>;
export type LatchConstructor = new (publishableKey: string, options?: { proxyUrl?: string }) => Latch;

/** An organization membership as the React layer reads it (the user resource types them loosely). */
export interface LatchOrganizationMembership {
  role: string;
  permissions?: string[];
  organization: { id: string; slug?: string | null; name?: string };
}
