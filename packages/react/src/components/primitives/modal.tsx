'use client';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useUI } from '../ui-context.js';
import { CloseIcon } from './icons.js';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog in a portal on `document.body`: `role="dialog"` + `aria-modal`, labelled by the card's
 * title; focus moves in on open, cycles inside (Tab / Shift+Tab), returns to the opener on close;
 * Escape and a click on the backdrop close it; the page behind does not scroll.
 */
export function Modal({
  labelledBy,
  onClose,
  wide = false,
  children,
}: {
  labelledBy: string;
  onClose(): void;
  wide?: boolean;
  children: ReactNode;
}) {
  const { el, l, rootStyle } = useUI();
  const dialog = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    setMounted(true);
    const opener = document.activeElement as HTMLElement | null;
    const previousOverflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previousOverflow;
      opener?.focus?.();
    };
  }, []);

  // Escape closes even when focus fell to <body> (e.g. the focused control was replaced by a view switch).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  useEffect(() => {
    if (!mounted) return;
    const node = dialog.current;
    if (!node) return;
    // The first field if there is one (what the user came to fill in), else the first control.
    const first =
      node.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled])') ??
      node.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
  }, [mounted]);

  if (!mounted) return null;
  const backdrop = el('modalBackdrop', 'latch-root');
  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop click is a mouse convenience; Escape and the close button are the accessible ways out.
    <div
      className={backdrop.className}
      style={{ ...rootStyle, ...backdrop.style }}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Tab') trapFocus(event, dialog.current);
      }}
    >
      <div
        {...el('modalContent')}
        ref={dialog}
        data-wide={wide}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
      >
        <button type="button" {...el('modalCloseButton')} aria-label={l.modalCloseButton} onClick={onClose}>
          <CloseIcon />
        </button>
        {children}
      </div>
    </div>,
    document.body,
  );
}

function trapFocus(event: { shiftKey: boolean; preventDefault(): void }, container: HTMLElement | null) {
  if (!container) return;
  const items = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (item) => item.offsetParent !== null,
  );
  if (items.length === 0) return;
  const first = items[0] as HTMLElement;
  const last = items[items.length - 1] as HTMLElement;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
