'use client';
import { type ReactNode, useId } from 'react';
import { useUI } from '../ui-context.js';

/** One row of a profile page: the title on the left, the content on the right (stacked on narrow screens). */
export function ProfileSection({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const { el } = useUI();
  const titleId = useId();
  return (
    <section {...el('profileSection')} aria-labelledby={titleId} data-section={id}>
      <h3 {...el('profileSectionTitle')} id={titleId}>
        {title}
      </h3>
      <div {...el('profileSectionContent')}>{children}</div>
    </section>
  );
}

/** Save / Cancel at the end of an inline form. */
export function FormButtons({
  busy,
  onCancel,
  submitLabel,
}: {
  busy: boolean;
  onCancel(): void;
  submitLabel?: string;
}) {
  const { el, l } = useUI();
  return (
    <div className="latch-formButtonRow">
      <button type="button" {...el('formButtonReset')} onClick={onCancel}>
        {l.userProfile.formButtonReset}
      </button>
      <button type="submit" {...el('formButtonPrimary')} aria-busy={busy}>
        <span className="latch-buttonLabel">{submitLabel ?? l.userProfile.formButtonPrimary}</span>
      </button>
    </div>
  );
}
