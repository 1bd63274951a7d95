'use client';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import type { ElementKey } from '../appearance/appearance-types.js';
import { useUI } from '../ui-context.js';
import { Spinner } from './spinner.js';

/**
 * The primary submit button. While busy it keeps its size (the label is hidden, not removed, and a
 * spinner is laid over it), so nothing around it moves; `aria-busy` tells assistive technology.
 */
export function PrimaryButton({
  busy = false,
  children,
  type = 'submit',
  ...rest
}: { busy?: boolean; children: ReactNode } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const { el } = useUI();
  return (
    <button {...el('formButtonPrimary')} type={type} aria-busy={busy} aria-disabled={busy || undefined} {...rest}>
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
