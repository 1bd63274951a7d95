'use client';
import type { SignInFactor } from '@latch/js';
import { Alert } from '../primitives/alert.js';
import { Button } from '../primitives/buttons.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';

/** "Use another method": one block button per first factor the server offers for this account. */
export function SignInChooseStrategy({
  factors,
  onChoose,
  onBack,
}: {
  factors: SignInFactor[];
  onChoose(factor: SignInFactor): Promise<void>;
  onBack(): void;
}) {
  const { el, l, fmt } = useUI();
  const form = useFormFlow({});
  const labelOf = (factor: SignInFactor): string | null => {
    if (factor.strategy === 'password') return l.signIn.alternativeMethods.blockButton__password;
    if (factor.strategy === 'email_code')
      return fmt(l.signIn.alternativeMethods.blockButton__emailCode, { identifier: factor.safeIdentifier ?? '' });
    if (factor.strategy === 'reset_password_email_code') return l.signIn.alternativeMethods.blockButton__resetPassword;
    return null;
  };
  return (
    <div {...el('alternativeMethods')}>
      <Alert message={form.errors.global} />
      {factors.map((factor) => {
        const label = labelOf(factor);
        if (!label) return null;
        return (
          <Button
            key={`${factor.strategy}:${factor.emailAddressId ?? ''}`}
            elementKey="alternativeMethodsBlockButton"
            disabled={form.busy}
            onClick={() => void form.submit(() => onChoose(factor), [])}
          >
            {label}
          </Button>
        );
      })}
      <button type="button" {...el('headerBackLink')} onClick={onBack}>
        {l.signIn.alternativeMethods.backToPrevious}
      </button>
    </div>
  );
}
