'use client';
import type { SignUp as SignUpResource } from '@latch/js';
import { useCallback, useId, useRef, useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { useEmbedding } from '../embedding.js';
import { Card, CardFooter, FooterAction } from '../primitives/card.js';
import { withRedirectQuery } from '../redirects.js';
import { CodeForm } from '../sign-in/code-form.js';
import { type Routing, useStepRouter } from '../step-router.js';
import { UIRoot, useResolvedUI, useUI } from '../ui-context.js';
import { useFinishAuth } from '../use-finish-auth.js';
import { useRedirectIfSignedIn } from '../use-redirect-if-signed-in.js';
import { SignUpForm } from './sign-up-form.js';

/** Props of `<SignUp/>` (Clerk's names). */
export interface SignUpProps {
  routing?: Routing;
  path?: string;
  signInUrl?: string;
  forceRedirectUrl?: string;
  fallbackRedirectUrl?: string;
  signInForceRedirectUrl?: string;
  signInFallbackRedirectUrl?: string;
  initialValues?: { emailAddress?: string; username?: string; firstName?: string; lastName?: string };
  /** Stored on the new user as `unsafeMetadata`. */
  unsafeMetadata?: Record<string, unknown>;
  appearance?: Appearance;
}

type SignUpStep = 'start' | 'verify-email-address';

const FORM_FIELDS = ['first_name', 'last_name', 'username', 'password', 'legal_accepted'];

/**
 * The sign-up card: the fields the instance enables (names, username, email, password with live policy
 * hints, legal consent), then the emailed code with resend.
 *
 * @example
 * <SignUp routing="path" path="/sign-up" unsafeMetadata={{ plan: 'free' }} />
 */
export function SignUp(props: SignUpProps) {
  const ui = useResolvedUI(props.appearance);
  return (
    <UIRoot ui={ui} elementKey="rootBox" extraClassName="latch-signUp">
      <SignUpFlow {...props} />
    </UIRoot>
  );
}

function SignUpFlow(props: SignUpProps) {
  const { l, fmt } = useUI();
  const { options, navigate } = useLatchContext();
  const embedding = useEmbedding();
  const titleId = useId();
  const attempt = useRef<SignUpResource | null>(null);
  const [email, setEmail] = useState('');
  const routing = props.routing ?? (props.path ? 'path' : 'virtual');
  const accept = useCallback(
    (candidate: string): SignUpStep | null =>
      candidate === 'verify-email-address' && attempt.current ? candidate : candidate === '' ? 'start' : null,
    [],
  );
  const [step, goTo] = useStepRouter<SignUpStep>(routing, props.path, 'start', accept);
  const finish = useFinishAuth('signUp', { force: props.forceRedirectUrl, fallback: props.fallbackRedirectUrl });
  useRedirectIfSignedIn('signUp', { force: props.forceRedirectUrl, fallback: props.fallbackRedirectUrl });

  const advance = async (signUp: SignUpResource) => {
    attempt.current = signUp;
    if (signUp.status === 'complete') return finish(signUp.createdSessionId);
    // A field the instance requires but the form left empty: report it on that field, like a server error.
    const missing = signUp.missingFields.filter((field) => FORM_FIELDS.includes(field));
    if (missing.length > 0) {
      throw {
        errors: missing.map((field) => ({ code: 'form_param_missing', message: '', meta: { paramName: field } })),
      };
    }
    if (signUp.unverifiedFields.includes('email_address')) {
      await signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
      setEmail(signUp.emailAddress ?? '');
      goTo('verify-email-address');
    }
  };

  const signInLink = () => {
    if (embedding.switchTo) return embedding.switchTo('signIn');
    navigate(withRedirectQuery(props.signInUrl ?? options.signInUrl ?? '/sign-in'));
  };

  const signUp = attempt.current;
  if (step === 'verify-email-address' && signUp) {
    return (
      <Card
        titleId={titleId}
        title={l.signUp.emailCode.title}
        subtitle={fmt(l.signUp.emailCode.subtitle, { identifier: email })}
        footer={
          <CardFooter>
            <FooterAction text={l.signUp.start.actionText} linkText={l.signUp.start.actionLink} onClick={signInLink} />
          </CardFooter>
        }
      >
        <CodeForm
          label={l.signUp.emailCode.formTitle}
          onAttempt={async (code) => advance(await signUp.attemptEmailAddressVerification({ code }))}
          onResend={async () => {
            await signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
          }}
          resendLabel={l.signUp.emailCode.resendButton}
          resentMessage={l.signUp.emailCode.resent}
        />
      </Card>
    );
  }

  return (
    <Card
      titleId={titleId}
      title={l.signUp.start.title}
      subtitle={l.signUp.start.subtitle}
      footer={
        <CardFooter>
          <FooterAction text={l.signUp.start.actionText} linkText={l.signUp.start.actionLink} onClick={signInLink} />
        </CardFooter>
      }
    >
      <SignUpForm initialValues={props.initialValues} unsafeMetadata={props.unsafeMetadata} onCreated={advance} />
    </Card>
  );
}
