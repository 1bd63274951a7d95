'use client';
import type { ReactNode } from 'react';
import type { ElementKey } from '../appearance/appearance-types.js';
import { type UIContextValue, UIRoot } from '../ui-context.js';
import { ORGANIZATION_STYLES } from './org-elements.js';

/** `UIRoot` plus the organization stylesheet (hoisted and de-duplicated by React like the base one). */
export function OrgRoot({
  ui,
  elementKey,
  extraClassName,
  children,
}: {
  ui: UIContextValue;
  elementKey: ElementKey;
  extraClassName?: string;
  children: ReactNode;
}) {
  return (
    <UIRoot ui={ui} elementKey={elementKey} {...(extraClassName ? { extraClassName } : {})}>
      <style href="latch-organization-styles" precedence="latch">
        {ORGANIZATION_STYLES}
      </style>
      {children}
    </UIRoot>
  );
}
