'use client';
import type { ReactNode } from 'react';
import type { AuthorizationParams } from '../authorization.js';
import { useAuth } from '../hooks/use-auth.js';

export type ProtectProps = AuthorizationParams & {
  /** A custom check instead of (or as well as) `role` / `permission`. */
  condition?: (has: (params: AuthorizationParams) => boolean) => boolean;
  /** Shown to signed-out or unauthorized users (default: nothing). */
  fallback?: ReactNode;
  children?: ReactNode;
};

/**
 * Renders its children only when the user is signed in and passes the given check.
 *
 * @example
 * <Protect role="org:admin" fallback={<p>Only administrators have access</p>}>
 *   <AdminDashboard />
 * </Protect>
 */
export function Protect({ condition, fallback = null, children, ...params }: ProtectProps) {
  const { isLoaded, userId, has } = useAuth();
  if (!isLoaded) return null;
  if (!userId) return fallback;
  const asked = params.role !== undefined || params.permission !== undefined || params.feature !== undefined;
  const askedAnything = asked || params.plan !== undefined;
  if (condition && !condition(has)) return fallback;
  if (askedAnything && !has(params)) return fallback;
  return children;
}
