'use client';
import type { ReactNode } from 'react';
import { useAuth } from '../hooks/use-auth.js';

/**
 * Renders its children only when nobody is signed in (nothing while loading).
 *
 * @example
 * <SignedOut><a href="/sign-in">Sign in</a></SignedOut>
 */
export function SignedOut({ children }: { children?: ReactNode }) {
  const { isLoaded, userId } = useAuth();
  return isLoaded && !userId ? children : null;
}
