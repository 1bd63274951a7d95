import type { Appearance } from '../appearance/appearance-types.js';
import type { Routing } from '../step-router.js';

/** Props of `<SignIn/>` (Clerk's names). */
export interface SignInProps {
  routing?: Routing;
  /** The page's path with `routing="path"` (e.g. `/sign-in`); sub-steps live under it. */
  path?: string;
  signUpUrl?: string;
  forceRedirectUrl?: string;
  fallbackRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
  initialValues?: { emailAddress?: string; username?: string; identifier?: string };
  appearance?: Appearance;
}

export type SignInStep = 'start' | 'factor-one' | 'choose-strategy' | 'reset-password' | 'new-password' | 'factor-two';

export const SIGN_IN_STEPS: readonly SignInStep[] = [
  'start',
  'factor-one',
  'choose-strategy',
  'reset-password',
  'new-password',
  'factor-two',
];
