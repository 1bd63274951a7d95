'use client';
import { useLatchContext } from '../../latch-context.js';
import { useUI } from '../ui-context.js';
import { CheckIcon, DotIcon } from './icons.js';

/**
 * The instance's password policy as a live checklist: each rule flips to "met" as the user types. Each
 * item says met/not met in words too, so the state is not conveyed by color alone.
 */
export function PasswordHints({ password }: { password: string }) {
  const { el, l, fmt } = useUI();
  const { latch } = useLatchContext();
  const policy = latch?.environment?.userSettings.passwordSettings;
  const rules: Array<[string, boolean]> = [
    [fmt(l.passwordHint__minLength, { length: policy?.min_length ?? 8 }), password.length >= (policy?.min_length ?? 8)],
  ];
  if (policy?.require_lowercase) rules.push([l.passwordHint__lowercase, /[a-z]/.test(password)]);
  if (policy?.require_uppercase) rules.push([l.passwordHint__uppercase, /[A-Z]/.test(password)]);
  if (policy?.require_numbers) rules.push([l.passwordHint__number, /[0-9]/.test(password)]);
  if (policy?.require_special_char) rules.push([l.passwordHint__special, /[^A-Za-z0-9]/.test(password)]);
  return (
    <ul {...el('passwordHints')} aria-label={l.formFieldHintText__passwordPolicy}>
      {rules.map(([text, met]) => (
        <li key={text} {...el('passwordHint')} data-met={met}>
          {met ? <CheckIcon /> : <DotIcon />}
          <span>{text}</span>
          <span className="latch-visuallyHidden">({met ? l.passwordHint__met : l.passwordHint__notMet})</span>
        </li>
      ))}
    </ul>
  );
}
