'use client';
import {
  interpolate,
  type LatchLocalization,
  type LocalizationResource,
  mergeLocalization,
} from '@latch/localizations';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useLatchContext } from '../latch-context.js';
import type { Appearance, ElementKey } from './appearance/appearance-types.js';
import { BASE_STYLES } from './appearance/base-styles.js';
import { type ResolvedAppearance, resolveAppearance } from './appearance/resolve-appearance.js';

/** What every part of a component reads: the merged appearance and the merged strings. */
export interface UIContextValue extends ResolvedAppearance {
  /** Strings: the provider's localization merged over English. */
  l: LatchLocalization;
  /** `{{name}}` interpolation. */
  fmt: typeof interpolate;
  /** The component-level appearance, passed on to components it opens (modals). */
  localAppearance: Appearance | undefined;
}

const UIContext = createContext<UIContextValue | null>(null);

/**
 * The UI context of the nearest component root; a part rendered outside one (a bug) fails loudly.
 *
 * @example
 * const { el, l } = useUI();
 */
export function useUI(): UIContextValue {
  const value = useContext(UIContext);
  if (!value) throw new Error('@latch/react: UI parts must be rendered inside a Latch component.');
  return value;
}

/** Builds the UI context for a component from the provider's options and the component's own appearance. */
export function useResolvedUI(appearance: Appearance | undefined): UIContextValue {
  const { options } = useLatchContext();
  const parent = useContext(UIContext);
  const globalAppearance = options.appearance as Appearance | undefined;
  const localization = options.localization as LocalizationResource | undefined;
  // A component opened from another one (UserProfile in UserButton's modal) inherits its appearance.
  const inherited = parent?.localAppearance;
  return useMemo(() => {
    const resolved = resolveAppearance(globalAppearance, inherited, appearance);
    return {
      ...resolved,
      l: mergeLocalization(localization),
      fmt: interpolate,
      localAppearance: appearance ?? inherited,
    };
  }, [globalAppearance, inherited, appearance, localization]);
}

/**
 * The root of every component: shares the UI context, carries the variables as custom properties,
 * and renders the stylesheet once (React 19 hoists and de-duplicates `<style href precedence>`, also
 * in server rendering, so there is no flash of unstyled content).
 */
export function UIRoot({
  ui,
  elementKey,
  extraClassName,
  bare = false,
  children,
}: {
  ui: UIContextValue;
  elementKey: ElementKey;
  extraClassName?: string;
  /** No wrapper element: for roots that only portal content elsewhere (modals opened by a button). */
  bare?: boolean;
  children: ReactNode;
}) {
  const props = ui.el(elementKey, `latch-root${extraClassName ? ` ${extraClassName}` : ''}`);
  return (
    <UIContext.Provider value={ui}>
      <style href="latch-ui-styles" precedence="latch">
        {BASE_STYLES}
      </style>
      {bare ? (
        children
      ) : (
        <div className={props.className} style={{ ...ui.rootStyle, ...props.style }}>
          {children}
        </div>
      )}
    </UIContext.Provider>
  );
}
