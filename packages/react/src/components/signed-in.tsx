'use client';
import type { ReactNode } from 'react';
import { useAuth } from '../hooks/use-auth.js';

/**
 * Renders its children only for a signed-in user (nothing while loading).
 *
 * @example
 * <SignedIn><p>You are signed in!</p></SignedIn>
 */
export function SignedIn({ children }: { children?: ReactNode }) {
  const { userId } = useAuth();
  return userId ? children : null;
}
