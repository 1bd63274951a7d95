import { NextResponse } from 'next/server';

/**
 * The benchmark baseline (bench/nextjs-protected.js): the same JSON as `/api/protected`, with no auth
 * at all — the middleware's matcher skips this path.
 */
export async function GET() {
  return NextResponse.json({ userId: null, sessionId: null, expiresAt: null });
}
