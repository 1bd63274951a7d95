'use client';
import { useId, useMemo, useState } from 'react';
import type { Appearance } from '../appearance/appearance-types.js';
import { type Embedding, EmbeddingContext } from '../embedding.js';
import { Modal } from '../primitives/modal.js';
import { SignIn } from '../sign-in/sign-in.js';
import type { SignInProps } from '../sign-in/sign-in-types.js';
import { SignUp, type SignUpProps } from '../sign-up/sign-up.js';
import { UIRoot, useResolvedUI } from '../ui-context.js';

/**
 * `<SignIn/>` or `<SignUp/>` in a modal, switching between the two in place ("Don't have an account?
 * Sign up" does not leave the page). The dialog is labelled by the card's heading.
 */
export function AuthModal({
  initial,
  signInProps,
  signUpProps,
  appearance,
  onClose,
}: {
  initial: 'signIn' | 'signUp';
  signInProps: SignInProps;
  signUpProps: SignUpProps;
  appearance: Appearance | undefined;
  onClose(): void;
}) {
  const [view, setView] = useState(initial);
  const ui = useResolvedUI(appearance);
  const labelId = useId();
  const embedding = useMemo<Embedding>(() => ({ inModal: true, close: onClose, switchTo: setView }), [onClose]);
  return (
    <UIRoot ui={ui} elementKey="rootBox" bare>
      <Modal labelledBy={labelId} onClose={onClose}>
        <EmbeddingContext.Provider value={embedding}>
          <div id={labelId} className="latch-visuallyHidden">
            {view === 'signIn' ? ui.l.signInButton : ui.l.signUpButton}
          </div>
          {view === 'signIn' ? (
            <SignIn {...signInProps} routing="virtual" appearance={appearance} />
          ) : (
            <SignUp {...signUpProps} routing="virtual" appearance={appearance} />
          )}
        </EmbeddingContext.Provider>
      </Modal>
    </UIRoot>
  );
}
