'use client';
import { useEffect, useState } from 'react';
import { Alert } from '../primitives/alert.js';
import { PrimaryButton } from '../primitives/buttons.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';

const RESEND_COOLDOWN_SECONDS = 30;

/**
 * A one-time-code form (email codes, reset codes, second factors): one numeric input with
 * `autocomplete="one-time-code"`, submitted automatically once six digits are in, and a resend link
 * that waits out a cooldown (its countdown is in the accessible name, not announced every second).
 */
export function CodeForm({
  label,
  onAttempt,
  onResend,
  resendLabel,
  resentMessage,
}: {
  label: string;
  onAttempt(code: string): Promise<void>;
  onResend?: (() => Promise<void>) | undefined;
  resendLabel?: string;
  resentMessage?: string;
}) {
  const { el, l } = useUI();
  const form = useFormFlow({ code: '' });
  const [cooldown, setCooldown] = useState(onResend ? RESEND_COOLDOWN_SECONDS : 0);
  const [resent, setResent] = useState(false);

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = setTimeout(() => setCooldown((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  const attempt = (code: string) => form.submit(async () => onAttempt(code.trim()), ['code']);

  return (
    <form
      {...el('form')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void attempt(form.values.code);
      }}
    >
      <Alert message={form.errors.global} />
      <Field
        id={form.idFor('code')}
        name="code"
        label={label}
        otp
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        autoFocus
        value={form.values.code}
        onValueChange={(value) => {
          const digits = value.replace(/\D/g, '').slice(0, 6);
          form.setValue('code', digits);
          if (digits.length === 6) void attempt(digits);
        }}
        error={form.errors.fields.code}
      />
      {onResend ? (
        <div>
          <button
            type="button"
            {...el('formResendCodeLink')}
            disabled={cooldown > 0}
            onClick={() =>
              void form.submit(async () => {
                await onResend();
                setResent(true);
                setCooldown(RESEND_COOLDOWN_SECONDS);
              }, [])
            }
          >
            {resendLabel ?? l.signIn.emailCode.resendButton}
            {cooldown > 0 ? ` (${cooldown})` : ''}
          </button>
          <div role="status">{resent ? <span className="latch-visuallyHidden">{resentMessage}</span> : null}</div>
        </div>
      ) : null}
      <PrimaryButton busy={form.busy}>{l.formButtonPrimary}</PrimaryButton>
    </form>
  );
}
