'use client';
import { createContext, useContext } from 'react';

/**
 * How a flow component is shown: on its own page, or inside a modal opened by `<SignInButton mode="modal">`
 * (then "Sign up" switches the modal's content instead of navigating, and finishing closes it).
 */
export interface Embedding {
  inModal: boolean;
  close?(): void;
  switchTo?(view: 'signIn' | 'signUp'): void;
}

export const EmbeddingContext = createContext<Embedding>({ inModal: false });

export function useEmbedding(): Embedding {
  return useContext(EmbeddingContext);
}
