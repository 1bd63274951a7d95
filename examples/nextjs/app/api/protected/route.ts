import { auth } from '@latch/nextjs/server';
import { NextResponse } from 'next/server';

/** Behind `auth.protect()` in the middleware; callers authenticate with a cookie or `Authorization: Bearer`. */
export async function GET() {
  const { userId, sessionId, sessionClaims } = await auth();
  return NextResponse.json({ userId, sessionId, expiresAt: sessionClaims?.exp ?? null });
}
