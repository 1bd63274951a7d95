'use client';
import type { SignInFactor, SignIn as SignInResource } from '@latch/js';
import { useState } from 'react';
import { Button } from '../primitives/buttons.js';
import { useUI } from '../ui-context.js';
import { CodeForm } from './code-form.js';

const CODE_STRATEGIES = new Set(['totp', 'backup_code', 'phone_code', 'email_code']);

/**
 * Factor two: renders whatever second factors the server lists. Code-based ones (TOTP, backup code,
 * SMS/email code) share the code form; a factor that needs sending first (`phone_code`) is prepared when
 * chosen. Others (passkeys…) are named but not offered until the browser flow exists.
 */
export function SignInSecondFactor({
  signIn,
  onAttempted,
}: {
  signIn: SignInResource;
  onAttempted(signIn: SignInResource): Promise<void>;
}) {
  const { el, l, fmt } = useUI();
  const factors = (signIn.supportedSecondFactors ?? []).filter((factor) => CODE_STRATEGIES.has(factor.strategy));
  const [chosen, setChosen] = useState<SignInFactor | null>(factors[0] ?? null);
  if (!chosen) return <p {...el('formFieldHintText')}>{l.signIn.secondFactor.unsupported}</p>;
  const labelOf = (factor: SignInFactor) =>
    factor.strategy === 'totp'
      ? l.signIn.secondFactor.blockButton__totp
      : factor.strategy === 'backup_code'
        ? l.signIn.secondFactor.blockButton__backupCode
        : fmt(l.signIn.secondFactor.blockButton__phoneCode, { identifier: factor.safeIdentifier ?? '' });
  return (
    <>
      <CodeForm
        key={chosen.strategy}
        label={labelOf(chosen)}
        onAttempt={async (code) => onAttempted(await signIn.attemptSecondFactor({ strategy: chosen.strategy, code }))}
      />
      {factors.length > 1 ? (
        <div {...el('alternativeMethods')}>
          {factors
            .filter((factor) => factor !== chosen)
            .map((factor) => (
              <Button
                key={factor.strategy}
                elementKey="alternativeMethodsBlockButton"
                onClick={async () => {
                  if (factor.strategy === 'phone_code') {
                    await signIn.prepareSecondFactor({
                      strategy: factor.strategy,
                      ...(factor.phoneNumberId ? { phoneNumberId: factor.phoneNumberId } : {}),
                    });
                  }
                  setChosen(factor);
                }}
              >
                {labelOf(factor)}
              </Button>
            ))}
        </div>
      ) : null}
    </>
  );
}
