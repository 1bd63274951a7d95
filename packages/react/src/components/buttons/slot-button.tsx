'use client';
import { Children, cloneElement, isValidElement, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import type { ElementKey } from '../appearance/appearance-types.js';

/**
 * Clerk's button convention: a single child element becomes the trigger (its own `onClick` still runs
 * first); text or nothing renders a plain `<button>` with the default label.
 */
export function SlotButton({
  children,
  defaultLabel,
  elementKey,
  onClick,
}: {
  children: ReactNode;
  defaultLabel: string;
  elementKey: ElementKey;
  onClick(): void;
}) {
  const only = Children.count(children) === 1 ? Children.toArray(children)[0] : null;
  if (isValidElement(only)) {
    const child = only as ReactElement<{ onClick?: (event: MouseEvent) => void }>;
    return cloneElement(child, {
      onClick: (event: MouseEvent) => {
        child.props.onClick?.(event);
        if (!event.defaultPrevented) onClick();
      },
    });
  }
  return (
    <button type="button" className={`latch-${elementKey}`} onClick={onClick}>
      {typeof children === 'string' && children !== '' ? children : defaultLabel}
    </button>
  );
}
