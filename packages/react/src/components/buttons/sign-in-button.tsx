'use client';
import { type ReactNode, useCallback, useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { buildRedirectUrl } from '../redirect-to.js';
import type { SignInProps } from '../sign-in/sign-in-types.js';
import { useResolvedUI } from '../ui-context.js';
import { AuthModal } from './auth-modal.js';
import { SlotButton } from './slot-button.js';

export interface SignInButtonProps {
  /** `modal` opens `<SignIn/>` over the page; `redirect` (default) goes to the sign-in page. */
  mode?: 'modal' | 'redirect';
  forceRedirectUrl?: string;
  fallbackRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
  initialValues?: SignInProps['initialValues'];
  appearance?: Appearance;
  children?: ReactNode;
}

/**
 * A button that starts signing in.
 *
 * @example
 * <SignedOut><SignInButton mode="modal"><button className="btn">Sign in</button></SignInButton></SignedOut>
 */
export function SignInButton(props: SignInButtonProps) {
  return <AuthButton kind="signIn" {...props} />;
}

export type SignUpButtonProps = SignInButtonProps & { unsafeMetadata?: Record<string, unknown> };

/**
 * A button that starts signing up.
 *
 * @example
 * <SignUpButton mode="modal" />
 */
export function SignUpButton(props: SignUpButtonProps) {
  return <AuthButton kind="signUp" {...props} />;
}

function AuthButton({
  kind,
  mode = 'redirect',
  children,
  appearance,
  ...urls
}: SignUpButtonProps & { kind: 'signIn' | 'signUp' }) {
  const { options, navigate } = useLatchContext();
  const ui = useResolvedUI(appearance);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const start = () => {
    if (mode === 'modal') return setOpen(true);
    const base =
      (kind === 'signIn' ? options.signInUrl : options.signUpUrl) ?? (kind === 'signIn' ? '/sign-in' : '/sign-up');
    const force = kind === 'signIn' ? urls.forceRedirectUrl : (urls.signUpForceRedirectUrl ?? urls.forceRedirectUrl);
    const fallback =
      kind === 'signIn' ? urls.fallbackRedirectUrl : (urls.signUpFallbackRedirectUrl ?? urls.fallbackRedirectUrl);
    navigate(buildRedirectUrl(base, { redirectUrl: window.location.href, force, fallback }));
  };
  const signInProps: SignInProps = {
    ...(urls.forceRedirectUrl ? { forceRedirectUrl: urls.forceRedirectUrl } : {}),
    ...(urls.fallbackRedirectUrl ? { fallbackRedirectUrl: urls.fallbackRedirectUrl } : {}),
    ...(urls.initialValues ? { initialValues: urls.initialValues } : {}),
  };
  return (
    <>
      <SlotButton
        elementKey={kind === 'signIn' ? 'signInButton' : 'signUpButton'}
        defaultLabel={kind === 'signIn' ? ui.l.signInButton : ui.l.signUpButton}
        onClick={start}
      >
        {children}
      </SlotButton>
      {open ? (
        <AuthModal
          initial={kind}
          appearance={appearance}
          onClose={close}
          signInProps={signInProps}
          signUpProps={{
            ...(urls.signUpForceRedirectUrl ? { forceRedirectUrl: urls.signUpForceRedirectUrl } : {}),
            ...(urls.signUpFallbackRedirectUrl ? { fallbackRedirectUrl: urls.signUpFallbackRedirectUrl } : {}),
            ...(urls.unsafeMetadata ? { unsafeMetadata: urls.unsafeMetadata } : {}),
          }}
        />
      ) : null}
    </>
  );
}
