'use client';
import { type InputHTMLAttributes, type ReactNode, useState } from 'react';
import { useUI } from '../ui-context.js';
import { EyeIcon, EyeOffIcon } from './icons.js';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  value: string;
  onValueChange(value: string): void;
  error?: string | undefined;
  /** Shown under the input while there is no error (and referenced by `aria-describedby`). */
  hint?: ReactNode;
  /** Rendered at the end of the label row (e.g. "Forgot password?"). */
  labelAction?: ReactNode;
  optional?: boolean;
  /** Adds the show/hide toggle of password inputs. */
  revealable?: boolean;
  otp?: boolean;
}

/**
 * A labelled input. The error text is tied to the input with `aria-describedby` and `aria-invalid`, and
 * sits in a polite live region so it is announced when it appears; the hint shares the same slot.
 */
export function Field({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
  labelAction,
  optional,
  revealable,
  otp,
  type = 'text',
  ...input
}: FieldProps) {
  const { el, l } = useUI();
  const [revealed, setRevealed] = useState(false);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const inputProps = el('formFieldInput', otp ? 'latch-otpCodeFieldInput' : undefined);
  const control = (
    <input
      {...input}
      {...inputProps}
      id={id}
      name={input.name ?? id}
      type={revealable && revealed ? 'text' : type}
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      required={!optional && input.required !== false}
    />
  );
  return (
    <div {...el(otp ? 'otpCodeField' : 'formField')} data-field={input.name ?? id}>
      <div {...el('formFieldLabelRow')}>
        <label {...el('formFieldLabel')} htmlFor={id}>
          {label}
        </label>
        {optional ? <span {...el('formFieldHintText')}>{l.formFieldHintText__optional}</span> : labelAction}
      </div>
      {revealable ? (
        <div className="latch-passwordInputBox">
          {control}
          <button
            type="button"
            {...el('formFieldInputShowPasswordButton')}
            aria-label={revealed ? l.formFieldAction__hidePassword : l.formFieldAction__showPassword}
            aria-pressed={revealed}
            aria-controls={id}
            onClick={() => setRevealed((shown) => !shown)}
          >
            {revealed ? <EyeOffIcon /> : <EyeIcon />}
          </button>
        </div>
      ) : (
        control
      )}
      <div aria-live="polite">
        {error ? (
          <p {...el('formFieldErrorText')} id={errorId}>
            {error}
          </p>
        ) : null}
      </div>
      {hint ? (
        <div {...el('formFieldHintText')} id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** A checkbox with its label (legal consent, "sign out of other devices"). */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string | undefined;
}) {
  const { el } = useUI();
  const errorId = `${id}-error`;
  return (
    <div {...el('formField')}>
      <label {...el('formFieldCheckboxLabel')} htmlFor={id}>
        <input
          {...el('formFieldCheckbox')}
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <span>{label}</span>
      </label>
      <div aria-live="polite">
        {error ? (
          <p {...el('formFieldErrorText')} id={errorId}>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
