'use client';
import { useUI } from '../ui-context.js';

/** "ada@example.com · Edit": who is signing in, with a way back to change it. */
export function IdentityPreview({ identifier, onEdit }: { identifier: string; onEdit(): void }) {
  const { el, l } = useUI();
  return (
    <div {...el('identityPreview')}>
      <span {...el('identityPreviewText')}>{identifier}</span>
      <button
        type="button"
        {...el('identityPreviewEditButton')}
        onClick={onEdit}
        aria-label={`${l.signIn.identityPreviewEditButton}: ${identifier}`}
      >
        {l.signIn.identityPreviewEditButton}
      </button>
    </div>
  );
}
