import type { CSSProperties } from 'react';
import type {
  Appearance,
  AppearanceLayout,
  AppearanceVariables,
  BaseThemeLike,
  ElementKey,
} from './appearance-types.js';

/** The props an element gets from `el(key)`: its stable class plus whatever the appearance adds. */
export interface ElementProps {
  className: string;
  style?: CSSProperties;
}

export interface ResolvedAppearance {
  /** Inline style of the component's root: the variables as `--latch-*` custom properties. */
  rootStyle: CSSProperties;
  layout: AppearanceLayout;
  el(key: ElementKey, extraClassName?: string): ElementProps;
}

const VARIABLE_PROPERTIES: Record<string, string> = {
  colorPrimary: '--latch-color-primary',
  colorTextOnPrimaryBackground: '--latch-color-on-primary',
  colorBackground: '--latch-color-background',
  colorText: '--latch-color-text',
  colorTextSecondary: '--latch-color-text-secondary',
  colorInputBackground: '--latch-color-input-background',
  colorInputText: '--latch-color-input-text',
  colorNeutral: '--latch-color-neutral',
  colorDanger: '--latch-color-danger',
  colorSuccess: '--latch-color-success',
  colorWarning: '--latch-color-warning',
  colorShimmer: '--latch-color-shimmer',
  borderRadius: '--latch-radius',
  fontFamily: '--latch-font-family',
  fontFamilyButtons: '--latch-font-family-buttons',
  fontSize: '--latch-font-size',
  spacingUnit: '--latch-spacing',
};

/**
 * Flattens the global (provider) and local (component) appearance into one: base themes first, then
 * the global variables/elements, then the component's — later layers win, class names accumulate.
 *
 * @example
 * const { el, rootStyle } = resolveAppearance(providerAppearance, { elements: { card: 'shadow-none' } });
 * <div {...el('card')} />   // className "latch-card shadow-none"
 */
export function resolveAppearance(...appearances: Array<Appearance | null | undefined>): ResolvedAppearance {
  const layers: Array<{ variables?: Record<string, unknown>; elements?: Record<string, unknown> }> = [];
  const layout: AppearanceLayout = {};
  for (const appearance of appearances) {
    if (!appearance) continue;
    for (const theme of toArray(appearance.baseTheme)) layers.push(theme);
  }
  for (const appearance of appearances) {
    if (!appearance) continue;
    layers.push({ variables: appearance.variables as Record<string, unknown>, elements: appearance.elements });
    Object.assign(layout, appearance.layout);
  }

  const rootStyle: Record<string, string> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer.variables ?? {})) {
      const property = VARIABLE_PROPERTIES[name];
      if (property && typeof value === 'string' && value !== '') rootStyle[property] = value;
      if (name === 'fontWeight' && value && typeof value === 'object') {
        const weights = value as AppearanceVariables['fontWeight'] & object;
        if (weights.normal) rootStyle['--latch-font-weight-normal'] = String(weights.normal);
        if (weights.medium) rootStyle['--latch-font-weight-medium'] = String(weights.medium);
        if (weights.bold) rootStyle['--latch-font-weight-bold'] = String(weights.bold);
      }
    }
  }

  const cache = new Map<string, ElementProps>();
  function el(key: ElementKey, extraClassName?: string): ElementProps {
    const cacheKey = `${key} ${extraClassName ?? ''}`;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const classNames = [`latch-${key}`];
    if (extraClassName) classNames.push(extraClassName);
    let style: CSSProperties | undefined;
    for (const layer of layers) {
      const value = layer.elements?.[key];
      if (typeof value === 'string' && value.trim() !== '') classNames.push(value.trim());
      else if (value && typeof value === 'object') style = { ...style, ...(value as CSSProperties) };
    }
    const props: ElementProps = style
      ? { className: classNames.join(' '), style }
      : { className: classNames.join(' ') };
    cache.set(cacheKey, props);
    return props;
  }

  return { rootStyle: rootStyle as CSSProperties, layout, el };
}

function toArray(theme: BaseThemeLike | BaseThemeLike[] | undefined): BaseThemeLike[] {
  if (!theme) return [];
  return Array.isArray(theme) ? theme : [theme];
}
