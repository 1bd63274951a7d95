import type { BaseTheme } from './base-theme.js';

/**
 * A dark base theme: dark surfaces, light text, a brighter primary so buttons keep their contrast.
 *
 * @example
 * import { dark } from '@latch/themes';
 * <LatchProvider appearance={{ baseTheme: dark }}>…</LatchProvider>
 */
export const dark: BaseTheme = {
  __type: 'prebuilt_appearance',
  name: 'dark',
  variables: {
    colorBackground: '#212126',
    colorNeutral: '#ffffff',
    colorText: '#ffffff',
    colorTextSecondary: '#b7b8c2',
    colorPrimary: '#6c47ff',
    colorTextOnPrimaryBackground: '#ffffff',
    colorInputBackground: '#2f3037',
    colorInputText: '#ffffff',
    colorDanger: '#ff6b6b',
    colorSuccess: '#4ade80',
    colorWarning: '#fbbf24',
    colorShimmer: 'rgba(255, 255, 255, 0.36)',
  },
  elements: {},
};
