'use client';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import type { ElementKey } from '../appearance/appearance-types.js';
import { useUI } from '../ui-context.js';
import { Spinner } from './spinner.js';
import { useHydrated } from './use-hydrated.js';

/**
 * The primary submit button. While busy it keeps its size (the label is hidden, not removed, and a
 * spinner is laid over it), so nothing around it moves; `aria-busy` tells assistive technology.
 * Disabled until the form has hydrated: a disabled default button also stops Enter from submitting
 * the form natively (`useHydrated`).
 */
export function PrimaryButton({
  busy = false,
  children,
  type = 'submit',
  disabled,
  ...rest
}: { busy?: boolean; children: ReactNode } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const { el } = useUI();
  const hydrated = useHydrated();
  return (
    <button
      {...el('formButtonPrimary')}
      type={type}
      aria-busy={busy}
      aria-disabled={busy || undefined}
      disabled={disabled === true || !hydrated}
      // Looks enabled meanwhile (base-styles.ts): the server's HTML paints as the hydrated card will.
      data-latch-hydrating={hydrated ? undefined : ''}
      {...rest}
    >
      <span className="latch-buttonLabel">{children}</span>
      {busy ? <Spinner /> : null}
    </button>
  );
}

/** A secondary button with a given element key (`formButtonReset`, `alternativeMethodsBlockButton`…). */
export function Button({
  elementKey,
  children,
  type = 'button',
  ...rest
}: { elementKey: ElementKey; children: ReactNode } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const { el } = useUI();
  return (
    <button {...el(elementKey)} type={type} {...rest}>
      {children}
    </button>
  );
}
