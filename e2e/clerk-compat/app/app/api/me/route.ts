import { currentUser } from '@clerk/nextjs/server';

/** `currentUser()` fetches the user from Latch's Backend API (`CLERK_API_URL`) with the secret key. */
export async function GET() {
  const user = await currentUser();
  return Response.json({ user });
}
