'use client';
import { useUI } from '../ui-context.js';

export function Spinner() {
  const { el } = useUI();
  return <span {...el('spinner')} aria-hidden="true" />;
}
