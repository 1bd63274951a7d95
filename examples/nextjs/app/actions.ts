'use server';
import { auth } from '@latch/nextjs/server';

/** A Server Action that refuses signed-out callers, as in the product description. */
export async function whoAmI(): Promise<{ userId: string }> {
  const { userId } = await auth();
  if (!userId) {
    throw new Error('Unauthorized');
  }
  return { userId };
}
