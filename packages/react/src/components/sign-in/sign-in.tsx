'use client';
import type { SignInFactor, SignIn as SignInResource } from '@latch/js';
import { useCallback, useId, useRef, useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { useEmbedding } from '../embedding.js';
import { Card, CardFooter, FooterAction } from '../primitives/card.js';
import { withRedirectQuery } from '../redirects.js';
import { useStepRouter } from '../step-router.js';
import { UIRoot, useResolvedUI, useUI } from '../ui-context.js';
import { useFinishAuth } from '../use-finish-auth.js';
import { useRedirectIfSignedIn } from '../use-redirect-if-signed-in.js';
import { CodeForm } from './code-form.js';
import { IdentityPreview } from './identity-preview.js';
import { SignInChooseStrategy } from './sign-in-choose-strategy.js';
import { SignInNewPassword } from './sign-in-new-password.js';
import { SignInPassword } from './sign-in-password.js';
import { SignInSecondFactor } from './sign-in-second-factor.js';
import { SignInStart } from './sign-in-start.js';
import { SIGN_IN_STEPS, type SignInProps, type SignInStep } from './sign-in-types.js';

/**
 * The sign-in card: identifier, then the first factor the account offers (password or email code, with
 * "use another method"), "forgot password" by email code, and the second-factor step. Server errors
 * land on the field their `meta.param_name` names.
 *
 * @example
 * // app/sign-in/[[...sign-in]]/page.tsx
 * export default function Page() {
 *   return <SignIn routing="path" path="/sign-in" />;
 * }
 */
export function SignIn(props: SignInProps) {
  const ui = useResolvedUI(props.appearance);
  return (
    <UIRoot ui={ui} elementKey="rootBox" extraClassName="latch-signIn">
      <SignInFlow {...props} />
    </UIRoot>
  );
}

type FactorOne = 'password' | 'email_code';

function SignInFlow(props: SignInProps) {
  const { l, fmt } = useUI();
  const { latch, whenLoaded, options, navigate } = useLatchContext();
  const embedding = useEmbedding();
  const titleId = useId();
  const attempt = useRef<SignInResource | null>(null);
  const [identifier, setIdentifier] = useState(
    props.initialValues?.identifier ?? props.initialValues?.emailAddress ?? props.initialValues?.username ?? '',
  );
  const [factorOne, setFactorOne] = useState<FactorOne>('password');
  const routing = props.routing ?? (props.path ? 'path' : 'virtual');
  const accept = useCallback((candidate: string) => {
    const step = SIGN_IN_STEPS.find((known) => known === candidate) ?? null;
    return step && (step === 'start' || attempt.current) ? step : null;
  }, []);
  const [step, goTo] = useStepRouter<SignInStep>(routing, props.path, 'start', accept);
  const finish = useFinishAuth('signIn', { force: props.forceRedirectUrl, fallback: props.fallbackRedirectUrl });
  useRedirectIfSignedIn('signIn', { force: props.forceRedirectUrl, fallback: props.fallbackRedirectUrl });
  const applicationName = latch?.environment?.displayConfig.applicationName ?? '';

  /** Moves on from whatever state the server says the attempt is in. */
  const advance = async (signIn: SignInResource) => {
    attempt.current = signIn;
    if (signIn.status === 'complete') return finish(signIn.createdSessionId);
    if (signIn.status === 'needs_second_factor') return goTo('factor-two');
    if (signIn.status === 'needs_new_password') return goTo('new-password');
  };

  const startFactor = async (signIn: SignInResource, factor: SignInFactor) => {
    if (factor.strategy === 'password') {
      setFactorOne('password');
      return goTo('factor-one');
    }
    if (factor.strategy === 'email_code') {
      await signIn.prepareFirstFactor({
        strategy: 'email_code',
        ...(factor.emailAddressId ? { emailAddressId: factor.emailAddressId } : {}),
      });
      setFactorOne('email_code');
      return goTo('factor-one');
    }
    if (factor.strategy === 'reset_password_email_code') return forgotPassword();
  };

  const onStarted = async (signIn: SignInResource, typed: string) => {
    attempt.current = signIn;
    setIdentifier(signIn.identifier ?? typed);
    if (signIn.status !== 'needs_first_factor') return advance(signIn);
    const instance = await whenLoaded;
    const factors = signIn.supportedFirstFactors;
    const preferOtp = instance.environment?.displayConfig.preferredSignInStrategy === 'otp';
    const password = factors.find((factor) => factor.strategy === 'password');
    const code = factors.find((factor) => factor.strategy === 'email_code');
    const first = (preferOtp ? (code ?? password) : (password ?? code)) ?? factors[0];
    if (first) await startFactor(signIn, first);
  };

  const forgotPassword = async () => {
    const signIn = attempt.current;
    if (!signIn) return;
    const factor = signIn.supportedFirstFactors.find((candidate) => candidate.strategy === 'reset_password_email_code');
    await signIn.prepareFirstFactor({
      strategy: 'reset_password_email_code',
      ...(factor?.emailAddressId ? { emailAddressId: factor.emailAddressId } : {}),
    });
    goTo('reset-password');
  };

  const signIn = attempt.current;
  const canReset = Boolean(
    signIn?.supportedFirstFactors.some((factor) => factor.strategy === 'reset_password_email_code'),
  );
  const edit = () => goTo('start');
  const signUpLink = () => {
    if (embedding.switchTo) return embedding.switchTo('signUp');
    navigate(withRedirectQuery(props.signUpUrl ?? options.signUpUrl ?? '/sign-up'));
  };
  const anotherMethod = (
    <FooterAction linkText={l.signIn.password.actionLink} onClick={() => goTo('choose-strategy')} />
  );

  if (step === 'start' || !signIn) {
    return (
      <Card
        titleId={titleId}
        title={fmt(l.signIn.start.title, { applicationName })}
        subtitle={l.signIn.start.subtitle}
        footer={
          <CardFooter>
            <FooterAction text={l.signIn.start.actionText} linkText={l.signIn.start.actionLink} onClick={signUpLink} />
          </CardFooter>
        }
      >
        <SignInStart initialIdentifier={identifier} onStarted={onStarted} />
      </Card>
    );
  }

  if (step === 'factor-one' && factorOne === 'password') {
    return (
      <Card
        titleId={titleId}
        title={l.signIn.password.title}
        subtitle={l.signIn.password.subtitle}
        headerExtra={<IdentityPreview identifier={identifier} onEdit={edit} />}
        footer={<CardFooter>{anotherMethod}</CardFooter>}
      >
        <SignInPassword
          signIn={signIn}
          identifier={identifier}
          onAttempted={advance}
          onForgotPassword={canReset ? forgotPassword : undefined}
        />
      </Card>
    );
  }

  if (step === 'factor-one') {
    return (
      <Card
        titleId={titleId}
        title={l.signIn.emailCode.title}
        subtitle={fmt(l.signIn.emailCode.subtitle, { applicationName })}
        headerExtra={<IdentityPreview identifier={identifier} onEdit={edit} />}
        footer={<CardFooter>{anotherMethod}</CardFooter>}
      >
        <CodeForm
          label={l.signIn.emailCode.formTitle}
          onAttempt={async (code) => advance(await signIn.attemptFirstFactor({ strategy: 'email_code', code }))}
          onResend={async () => {
            await signIn.prepareFirstFactor({ strategy: 'email_code' });
          }}
          resendLabel={l.signIn.emailCode.resendButton}
          resentMessage={l.signIn.emailCode.resent}
        />
      </Card>
    );
  }

  if (step === 'reset-password') {
    return (
      <Card
        titleId={titleId}
        title={l.signIn.forgotPassword.title}
        subtitle={fmt(l.signIn.forgotPassword.subtitle, { identifier })}
        headerExtra={<IdentityPreview identifier={identifier} onEdit={edit} />}
        footer={<CardFooter>{anotherMethod}</CardFooter>}
      >
        <CodeForm
          label={l.signIn.forgotPassword.formTitle}
          onAttempt={async (code) =>
            advance(await signIn.attemptFirstFactor({ strategy: 'reset_password_email_code', code }))
          }
          onResend={async () => {
            await signIn.prepareFirstFactor({ strategy: 'reset_password_email_code' });
          }}
          resendLabel={l.signIn.forgotPassword.resendButton}
          resentMessage={l.signIn.emailCode.resent}
        />
      </Card>
    );
  }

  if (step === 'new-password') {
    return (
      <Card titleId={titleId} title={l.signIn.resetPassword.title} subtitle={l.signIn.resetPassword.subtitle}>
        <SignInNewPassword signIn={signIn} onReset={advance} />
      </Card>
    );
  }

  if (step === 'factor-two') {
    return (
      <Card titleId={titleId} title={l.signIn.secondFactor.title} subtitle={l.signIn.secondFactor.subtitle}>
        <SignInSecondFactor signIn={signIn} onAttempted={advance} />
      </Card>
    );
  }

  return (
    <Card titleId={titleId} title={l.signIn.alternativeMethods.title} subtitle={l.signIn.alternativeMethods.subtitle}>
      <SignInChooseStrategy
        factors={signIn.supportedFirstFactors}
        onChoose={(factor) => startFactor(signIn, factor)}
        onBack={() => goTo('factor-one')}
      />
    </Card>
  );
}
