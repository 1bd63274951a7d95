import type { User } from '@latch/backend';
import { latchClient } from '../latch-client.js';
import { auth } from './auth.js';

/**
 * The signed-in user as the Backend API returns it (`firstName`, `emailAddresses`, `publicMetadata`…),
 * or null when signed out.
 *
 * @example
 * const user = await currentUser();
 * if (!user) redirect('/sign-in');
 */
export async function currentUser(): Promise<User | null> {
  const { userId } = await auth();
  if (!userId) return null;
  return latchClient.users.getUser(userId);
}
