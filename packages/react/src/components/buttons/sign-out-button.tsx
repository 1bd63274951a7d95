'use client';
import type { ReactNode } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { useResolvedUI } from '../ui-context.js';
import { SlotButton } from './slot-button.js';

export interface SignOutButtonProps {
  /** Where to go afterwards (default: the provider's `afterSignOutUrl`, else `/`). */
  redirectUrl?: string;
  /** Sign out only this session (multi-session apps); default: every session of this browser. */
  sessionId?: string;
  children?: ReactNode;
}

/**
 * A button that signs out.
 *
 * @example
 * <SignOutButton redirectUrl="/goodbye"><button>Log out</button></SignOutButton>
 */
export function SignOutButton({ redirectUrl, sessionId, children }: SignOutButtonProps) {
  const { signOut } = useLatchContext();
  const ui = useResolvedUI(undefined);
  return (
    <SlotButton
      elementKey="signOutButton"
      defaultLabel={ui.l.signOutButton}
      onClick={() => void signOut({ ...(redirectUrl ? { redirectUrl } : {}), ...(sessionId ? { sessionId } : {}) })}
    >
      {children}
    </SlotButton>
  );
}
