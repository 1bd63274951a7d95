'use client';
import { useUI } from '../ui-context.js';

/**
 * The form-level message. The live region is always in the DOM (empty when there is nothing to say), so
 * screen readers announce the message the moment it appears.
 */
export function Alert({ message, variant = 'danger' }: { message: string | null; variant?: 'danger' | 'success' }) {
  const { el } = useUI();
  return (
    <div role={variant === 'danger' ? 'alert' : 'status'} aria-live={variant === 'danger' ? 'assertive' : 'polite'}>
      {message ? (
        <div {...el('alert')} data-variant={variant}>
          <p {...el('alertText')}>{message}</p>
        </div>
      ) : null}
    </div>
  );
}
